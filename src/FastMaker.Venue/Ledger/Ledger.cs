using System.Runtime.CompilerServices;
using FastMaker.Primitives;

namespace FastMaker.Venue.Ledger;

/// <summary>
/// Balances per address: collateral (pUSD, 1e-6) and every outcome token (1e-6 shares).
/// For each asset an account has a balance, a part reserved by its open orders (a BUY reserves
/// collateral, a SELL its tokens) and a part pending settlement (proceeds of trades not yet mined,
/// which cannot be spent). Available = balance - reserved - pending, never negative.
/// Single-threaded: owned by the matching engine.
/// </summary>
public sealed class Ledger
{
    private readonly Dictionary<EthAddress, int> _accountByAddress = new();
    private readonly List<Account> _accounts = new();
    private readonly Dictionary<UInt256, int> _tokenIndex = new();
    private readonly List<UInt256> _tokens = new();
    private readonly HashSet<EthAddress> _funded = new();

    /// <summary>Creates an empty ledger.</summary>
    public Ledger(LedgerOptions? options = null) => Options = options ?? new LedgerOptions();

    /// <summary>Configuration.</summary>
    public LedgerOptions Options { get; }

    /// <summary>Collateral collected as taker fees.</summary>
    public long FeesCollected { get; private set; }

    /// <summary>Number of accounts.</summary>
    public int AccountCount => _accounts.Count;

    /// <summary>Number of registered tokens.</summary>
    public int TokenCount => _tokens.Count;

    /// <summary>Registers a token (idempotent) and returns its dense index.</summary>
    public int RegisterToken(UInt256 token)
    {
        if (_tokenIndex.TryGetValue(token, out int index))
            return index;
        index = _tokens.Count;
        _tokens.Add(token);
        _tokenIndex.Add(token, index);
        return index;
    }

    /// <summary>The dense index of a registered token.</summary>
    public bool TryGetTokenIndex(UInt256 token, out int index) => _tokenIndex.TryGetValue(token, out index);

    /// <summary>The account number of <paramref name="address"/>, creating an empty account when new.</summary>
    public int AccountOf(EthAddress address)
    {
        if (_accountByAddress.TryGetValue(address, out int account))
            return account;
        account = _accounts.Count;
        _accounts.Add(new Account(address));
        _accountByAddress.Add(address, account);
        return account;
    }

    /// <summary>The account number of <paramref name="address"/> if it has one.</summary>
    public bool TryGetAccount(EthAddress address, out int account) => _accountByAddress.TryGetValue(address, out account);

    /// <summary>The address of account <paramref name="account"/>.</summary>
    public EthAddress AddressOf(int account) => _accounts[account].Address;

    /// <summary>Adds collateral to an address (a scenario deposit).</summary>
    public void Deposit(EthAddress address, Amount amount)
    {
        if (amount.Raw < 0)
            ThrowHelper.ThrowNegativeDeposit(nameof(amount));
        Credit(AccountOf(address), Asset.Collateral, amount.Raw);
    }

    /// <summary>Adds outcome tokens to an address (a scenario's initial position).</summary>
    public void DepositTokens(EthAddress address, UInt256 token, Quantity quantity)
    {
        if (quantity.Raw < 0)
            ThrowHelper.ThrowNegativeDeposit(nameof(quantity));
        if (!_tokenIndex.TryGetValue(token, out int index))
            ThrowHelper.ThrowUnknownToken(token);
        Credit(AccountOf(address), Asset.OfToken(index), quantity.Raw);
    }

    /// <summary>
    /// Funds an address that just created an API key, once, when <see cref="LedgerOptions.FundNewAddresses"/>
    /// is on. Returns true when it funded now.
    /// </summary>
    public bool EnsureFunded(EthAddress address)
    {
        if (!Options.FundNewAddresses || !_funded.Add(address))
            return false;
        Deposit(address, Options.NewAddressCollateral);
        return true;
    }

    /// <summary>Sets the collateral allowance an address granted the exchange (default: unlimited).</summary>
    public void SetCollateralAllowance(EthAddress address, Amount allowance) => _accounts[AccountOf(address)].CollateralAllowance = allowance.Raw;

    /// <summary>Sets whether an address approved the exchange for its outcome tokens (default: yes).</summary>
    public void SetTokensApproved(EthAddress address, bool approved) => _accounts[AccountOf(address)].TokensApproved = approved;

    /// <summary>Collateral balance of an address (zero for an unknown address).</summary>
    public Amount CollateralBalance(EthAddress address) =>
        Amount.FromRaw(_accountByAddress.TryGetValue(address, out int a) ? Balance(a, Asset.Collateral) : 0);

    /// <summary>Token balance of an address (zero for an unknown address or token).</summary>
    public Quantity TokenBalance(EthAddress address, UInt256 token) =>
        Quantity.FromRaw(_accountByAddress.TryGetValue(address, out int a) && _tokenIndex.TryGetValue(token, out int t)
            ? Balance(a, Asset.OfToken(t)) : 0);

    /// <summary>The balance and allowance <c>GET /balance-allowance</c> reports (token = null for collateral).</summary>
    public (long Balance, long Allowance) BalanceAllowance(EthAddress address, UInt256? token)
    {
        if (!_accountByAddress.TryGetValue(address, out int a))
            return (0, 0);
        Account acc = _accounts[a];
        if (token is null)
            return (Balance(a, Asset.Collateral), acc.CollateralAllowance);
        if (!_tokenIndex.TryGetValue(token.Value, out int t))
            return (0, acc.TokensApproved ? long.MaxValue : 0);
        return (Balance(a, Asset.OfToken(t)), acc.TokensApproved ? long.MaxValue : 0);
    }

    /// <summary>Balance of an asset.</summary>
    public long Balance(int account, int asset) => _accounts[account].Get(asset).Balance;

    /// <summary>Part of the balance reserved by open orders.</summary>
    public long Reserved(int account, int asset) => _accounts[account].Get(asset).Reserved;

    /// <summary>Part of the balance waiting for settlement.</summary>
    public long Pending(int account, int asset) => _accounts[account].Get(asset).Pending;

    /// <summary>What new orders may use: min(balance, allowance) - reserved - pending.</summary>
    public long Available(int account, int asset)
    {
        Account acc = _accounts[account];
        ref Slot s = ref acc.Get(asset);
        long usable = s.Balance - s.Pending;
        if (asset == Asset.Collateral)
            usable = Math.Min(usable, acc.CollateralAllowance);
        else if (!acc.TokensApproved)
            usable = 0;
        return usable - s.Reserved;
    }

    /// <summary>Sum of all balances of an asset (fees excluded): the conservation checks use it.</summary>
    public long TotalBalance(int asset)
    {
        long total = 0;
        foreach (Account acc in _accounts)
            total += acc.Get(asset).Balance;
        return total;
    }

    // ---- engine-side mutations (no validation beyond debug asserts: the engine checks first) ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Credit(int account, int asset, long amount) => _accounts[account].Get(asset).Balance += amount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Debit(int account, int asset, long amount) => _accounts[account].Get(asset).Balance -= amount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddReserved(int account, int asset, long delta) => _accounts[account].Get(asset).Reserved += delta;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CreditPending(int account, int asset, long amount)
    {
        ref Slot s = ref _accounts[account].Get(asset);
        s.Balance += amount;
        s.Pending += amount;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ReleasePending(int account, int asset, long amount) => _accounts[account].Get(asset).Pending -= amount;

    /// <summary>Removes an unsettled credit again (a FAILED trade).</summary>
    internal void RevokePending(int account, int asset, long amount)
    {
        ref Slot s = ref _accounts[account].Get(asset);
        s.Balance -= amount;
        s.Pending -= amount;
    }

    internal void AddFee(long fee) => FeesCollected += fee;

    private struct Slot
    {
        public long Balance;
        public long Reserved;
        public long Pending;
    }

    private sealed class Account(EthAddress address)
    {
        private Slot[] _slots = new Slot[8];

        public EthAddress Address { get; } = address;
        public long CollateralAllowance = long.MaxValue;
        public bool TokensApproved = true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref Slot Get(int asset)
        {
            if ((uint)asset >= (uint)_slots.Length)
                Grow(asset);
            return ref _slots[asset];
        }

        private void Grow(int asset)
        {
            int size = _slots.Length;
            while (size <= asset)
                size *= 2;
            Array.Resize(ref _slots, size);
        }
    }
}

using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Engine.Signing;

/// <summary>
/// Stage 5: turns an <see cref="ApprovedIntent"/> into a <see cref="SignedRequest"/>: the V2/V3 order built, hashed
/// (the order id, known before sending), signed, and written as the exact POST body into a pooled buffer, plus the L2
/// signature over those bytes; or a cancel body. Reachable only from <see cref="ExecutionGate"/>: the entry points are
/// internal and refuse any approval ticket the gate did not just issue. Allocation-free in steady state.
/// </summary>
public sealed class SignStage : IDisposable
{
    private readonly OrderBuilder _builder;
    private readonly L2Signer? _l2;
    private readonly SigningMode _mode;
    private readonly SignedRequestPool _pool;
    private readonly NoncePool? _ownedNonces;
    private readonly EthSigner? _ownedSigner;
    private readonly byte[] _signature = new byte[OrderHashing.Poly1271SignatureLength];
    private ulong _saltState;

    /// <summary>Creates a stage over an order builder (which holds the signer) and optional L2 credentials.</summary>
    public SignStage(OrderBuilder builder, L2Signer? l2, SigningMode mode, ulong saltSeed, int requestPoolCapacity = 256)
        : this(builder, l2, mode, saltSeed, requestPoolCapacity, null, null)
    {
    }

    private SignStage(OrderBuilder builder, L2Signer? l2, SigningMode mode, ulong saltSeed, int requestPoolCapacity, NoncePool? nonces, EthSigner? signer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _builder = builder;
        _l2 = l2;
        _mode = mode;
        _saltState = saltSeed == 0 ? 0x9E3779B97F4A7C15 : saltSeed;
        _pool = new SignedRequestPool(requestPoolCapacity);
        _ownedNonces = nonces;
        _ownedSigner = signer;
    }

    /// <summary>
    /// Builds a stage from options: reads the key from its file or environment variable, starts the nonce pool's
    /// refill thread for the fast mode, and reads L2 credentials when configured. Nothing secret is logged or kept in
    /// the options.
    /// </summary>
    public static SignStage Create(SigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        NoncePool? nonces = options.Mode == SigningMode.Fast ? new NoncePool(options.NoncePoolCapacity) : null;
        EthSigner? signer = null;
        try
        {
            signer = options.CreateSigner(nonces);
            ApiCredentials? credentials = options.ReadL2Credentials();
            string owner = options.ApiKeyOwner ?? credentials?.ApiKey
                ?? throw new InvalidOperationException("The order owner is unknown: set ApiKeyOwner or provide L2 credentials.");
            var builder = new OrderBuilder(signer, options.ChainId, options.SignatureType, options.Funder, owner, options.Version);
            L2Signer? l2 = credentials is null ? null : new L2Signer(credentials, signer.AddressChecksummed);
            return new SignStage(builder, l2, options.Mode, options.SaltSeed, options.RequestPoolCapacity, nonces, signer);
        }
        catch
        {
            signer?.Dispose();
            nonces?.Dispose();
            throw;
        }
    }

    /// <summary>The pool the sender returns requests to.</summary>
    public SignedRequestPool Pool => _pool;

    /// <summary>The order builder (version, addresses).</summary>
    public OrderBuilder Builder => _builder;

    /// <summary>Orders signed.</summary>
    public long OrdersSigned { get; private set; }

    /// <summary>Cancels prepared.</summary>
    public long CancelsPrepared { get; private set; }

    /// <summary>Approvals refused because their ticket was not the one the gate just issued.</summary>
    public long RefusedApprovals => Tickets.Refused;

    internal ApprovalTickets Tickets { get; } = new();

    /// <summary>Signs an approved place (or the new leg of a replace). Null when the ticket is refused or the builder fails.</summary>
    internal SignedRequest? SignOrder(in ApprovedIntent approved, long nowMs, out OrderBuildError error)
    {
        error = OrderBuildError.None;
        if (!Tickets.Redeem(approved.Ticket)) return null;
        OrderIntent intent = approved.Intent;
        var request = new OrderRequest
        {
            TokenId = approved.TokenId,
            Side = intent.Side,
            Price = intent.Price,
            Size = intent.Size,
            Amount = approved.MarketAmount,
            TickSize = approved.Tick,
            NegRisk = approved.NegRisk,
            OrderType = approved.OrderType,
            ExpirationSeconds = intent.ExpirationSeconds,
            PostOnly = intent.PostOnly,
            Salt = NextSalt(),
            TimestampMs = nowMs,
        };

        SignedRequest r = _pool.Rent();
        error = _builder.TryBuild(request, _mode, r.BodyBuffer, _signature, out SignedOrderInfo info);
        if (error != OrderBuildError.None)
        {
            _pool.Return(r);
            return null;
        }

        r.Kind = RequestKind.PostOrder;
        r.OrderId = info.OrderId;
        r.Intent = intent;
        r.Amounts = info.Amounts;
        r.Version = info.Version;
        r.MarketIndex = intent.MarketIndex;
        r.BodyLength = info.BodyLength;
        SignL2(r, nowMs);
        OrdersSigned++;
        return r;
    }

    /// <summary>Prepares an approved cancel (one order, a market, or everything). Null when the ticket is refused.</summary>
    internal SignedRequest? SignCancel(in ApprovedIntent approved, long nowMs)
    {
        if (!Tickets.Redeem(approved.Ticket)) return null;
        OrderIntent intent = approved.Intent;
        SignedRequest r = _pool.Rent();
        r.Intent = intent;
        r.Amounts = default;
        r.Version = _builder.Version;
        r.MarketIndex = intent.MarketIndex;
        if (intent.Kind == IntentKind.CancelAll)
        {
            r.OrderId = default;
            if (intent.MarketIndex < 0)
            {
                r.Kind = RequestKind.CancelAll;
                r.BodyLength = 0;
            }
            else
            {
                r.Kind = RequestKind.CancelMarket;
                r.BodyLength = CancelBodyWriter.WriteCancelMarket(r.BodyBuffer, approved.ConditionId);
            }
        }
        else
        {
            r.Kind = RequestKind.CancelOrder;
            r.OrderId = intent.TargetOrderId;
            r.BodyLength = CancelBodyWriter.WriteCancelOrder(r.BodyBuffer, intent.TargetOrderId);
        }

        SignL2(r, nowMs);
        CancelsPrepared++;
        return r;
    }

    private void SignL2(SignedRequest r, long nowMs)
    {
        if (_l2 is null)
        {
            r.HasL2Signature = false;
            return;
        }

        long seconds = nowMs / 1000;
        _l2.Sign(seconds, r.Method, r.Path, r.Body, r.L2SignatureBuffer.AsSpan());
        r.L2TimestampSeconds = seconds;
        r.HasL2Signature = true;
    }

    // xorshift64*, seeded: replays sign the same salts. Masked to the 53 bits a JSON number carries exactly.
    private ulong NextSalt()
    {
        ulong x = _saltState;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        _saltState = x;
        ulong salt = (x * 0x2545F4914F6CDD1DUL) & ExchangeOrder.MaxSalt;
        return salt == 0 ? 1 : salt;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ownedSigner?.Dispose();
        _ownedNonces?.Dispose();
    }
}

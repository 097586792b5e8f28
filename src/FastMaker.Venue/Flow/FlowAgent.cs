using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Flow;

/// <summary>
/// Base of the scripted traders. An agent trades from its own internal account (no signatures: it
/// submits <see cref="OrderRequest"/>s straight into the engine) and draws every choice from its own
/// seeded stream, so a run is reproducible.
/// </summary>
public abstract class FlowAgent
{
    private readonly ulong _idPrefix;
    private long _orderCounter;

    /// <summary>Creates an agent.</summary>
    protected FlowAgent(string name, EthAddress address, IReadOnlyList<FlowMarket> markets, ulong seed)
    {
        Name = name;
        Owner = "agent:" + name;
        Address = address;
        Markets = markets;
        Random = new DeterministicRandom(seed);
        _idPrefix = seed;
    }

    /// <summary>Agent name.</summary>
    public string Name { get; }

    /// <summary>The API key its orders are owned by.</summary>
    public string Owner { get; }

    /// <summary>Its funder address.</summary>
    public EthAddress Address { get; }

    /// <summary>Markets it trades.</summary>
    public IReadOnlyList<FlowMarket> Markets { get; }

    /// <summary>Orders sent.</summary>
    public long Submitted { get; private set; }

    /// <summary>Orders the engine refused (usually balance while proceeds settle).</summary>
    public long Rejected { get; private set; }

    /// <summary>The agent's random stream.</summary>
    protected DeterministicRandom Random { get; }

    /// <summary>Acts for the step ending at <paramref name="now"/>.</summary>
    public abstract void Step(FlowContext context, DateTimeOffset now);

    /// <summary>A GTC limit order of <paramref name="sizeRaw"/> shares (multiple of 0.01) at <paramref name="priceRaw"/> (on the tick).</summary>
    protected SubmitResult SubmitLimit(FlowContext context, FlowMarket market, int outcome, Side side, int priceRaw, long sizeRaw)
    {
        long collateral = (long)((UInt128)(ulong)sizeRaw * (ulong)priceRaw / Price.Scale);
        return Send(context, market, outcome, side, side == Side.Buy ? collateral : sizeRaw, side == Side.Buy ? sizeRaw : collateral, OrderType.Gtc);
    }

    /// <summary>
    /// A FAK order shaped the way the official client builds market orders: a BUY spends
    /// <paramref name="amountRaw"/> collateral (2 decimals), a SELL sells <paramref name="amountRaw"/> shares
    /// (2 decimals); the other leg is rounded down to 4 decimals at the worst price <paramref name="limitRaw"/>.
    /// </summary>
    protected SubmitResult? SubmitMarket(FlowContext context, FlowMarket market, int outcome, Side side, int limitRaw, long amountRaw)
    {
        amountRaw -= amountRaw % 10_000;
        long other = side == Side.Buy
            ? (long)((UInt128)(ulong)amountRaw * Price.Scale / (ulong)limitRaw)
            : (long)((UInt128)(ulong)amountRaw * (ulong)limitRaw / Price.Scale);
        other -= other % 100;
        if (amountRaw <= 0 || other <= 0)
            return null;
        return Send(context, market, outcome, side, amountRaw, other, OrderType.Fak);
    }

    /// <summary>Shares of <paramref name="outcome"/> the agent can sell now.</summary>
    protected long AvailableTokens(FlowContext context, FlowMarket market, int outcome)
    {
        var ledger = context.Engine.Ledger;
        if (!ledger.TryGetAccount(Address, out int account) || !ledger.TryGetTokenIndex(market.Market.TokenOf(outcome), out int token))
            return 0;
        return ledger.Available(account, Ledger.Asset.OfToken(token));
    }

    /// <summary>A random size in [min, max] shares, in 0.01 steps.</summary>
    protected long RandomSize(decimal min, decimal max) =>
        Random.NextLong((long)(min * 100), (long)(max * 100)) * 10_000;

    /// <summary>Rounds a share amount up to a multiple of 0.01.</summary>
    protected static long RoundUpToCents(long raw) => raw % 10_000 == 0 ? raw : raw - raw % 10_000 + 10_000;

    private SubmitResult Send(FlowContext context, FlowMarket market, int outcome, Side side, long makerAmount, long takerAmount, OrderType type)
    {
        var request = new OrderRequest
        {
            OrderId = NextOrderId(),
            Owner = Owner,
            Maker = Address,
            Signer = Address,
            Token = market.Market.TokenOf(outcome),
            Side = side,
            MakerAmount = makerAmount,
            TakerAmount = takerAmount,
            Type = type,
            TimestampMs = context.Engine.Time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        SubmitResult result = context.Engine.Submit(request);
        Submitted++;
        if (!result.Success)
            Rejected++;
        return result;
    }

    private Hash32 NextOrderId()
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes[0] = 0xA6; // marks scripted-flow ids
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _idPrefix);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[24..], ++_orderCounter);
        return Hash32.FromBytes(bytes);
    }
}

using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Positions;
using FastMaker.Engine.Store;
using FastMaker.Primitives;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// Feeds the <see cref="StoreWriter"/> from the engine thread: after each event that can change our orders, fills or
/// positions, the orders and positions that differ from what was last written, and the fills the event touched, are
/// appended as one group and committed off the hot path by the writer's thread. Change detection compares each order
/// slot and token with a shadow copy, so nothing depends on a stage remembering to report a change.
/// </summary>
/// <remarks>
/// Engine thread only. Allocation-free in steady state (the writer's queue is preallocated). Marks (each token's top of
/// book and mid, what the truth report measures markouts against) are written about every
/// <see cref="MarkIntervalMs"/> per token with a book, and at every fill of ours. Fills are stored simulated when the
/// feed was built for a paper run, or when their trade id carries the paper venue's "PAPR" marker (a cross-check, so a
/// simulated fill can never be stored as real).
/// </remarks>
public sealed class StoreFeed : IEngineObserver
{
    /// <summary>The default time between two marks of one token: 1,000 ms.</summary>
    public const long DefaultMarkIntervalMs = 1_000;

    private readonly StoreWriter _writer;
    private readonly bool _simulated;
    private MarkThrottle? _marks;
    private int _markCapacity;
    private long _nextMarkScanMs = long.MinValue;
    private OrderShadow[] _orders = [];
    private TokenPosition[] _positions = [];
    private Guid _tradeId;
    private long _lastApproved = -1;
    private int _appended;

    /// <summary>Creates a feed into <paramref name="writer"/>.</summary>
    /// <param name="writer">The store's writer.</param>
    /// <param name="simulated">True for a paper run: every fill is stored with <c>simulated = 1</c>.</param>
    /// <param name="markIntervalMs">Time between two heartbeat marks of one token; 0 writes no marks.</param>
    public StoreFeed(StoreWriter writer, bool simulated = false, long markIntervalMs = DefaultMarkIntervalMs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(markIntervalMs);
        _writer = writer;
        _simulated = simulated;
        MarkIntervalMs = markIntervalMs;
    }

    /// <summary>True when every fill is stored as simulated (a paper run).</summary>
    public bool Simulated => _simulated;

    /// <summary>Time between two heartbeat marks of one token (0: no marks).</summary>
    public long MarkIntervalMs { get; }

    /// <summary>Marks appended so far.</summary>
    public long MarksAppended { get; private set; }

    /// <summary>
    /// Fill records stored simulated only because of their "PAPR" trade id, in a feed not built for a paper run (each
    /// status of a fill, MATCHED then CONFIRMED, is one record).
    /// </summary>
    public long SimulatedByTradeId { get; private set; }

    /// <summary>Changes appended so far.</summary>
    public long ChangesAppended { get; private set; }

    /// <summary>Groups committed so far (one per event that changed something).</summary>
    public long GroupsCommitted { get; private set; }

    /// <summary>The last group handed to the writer (wait for it with <see cref="StoreWriter.WaitForCommit"/>), or -1.</summary>
    public long LastGroup { get; private set; } = -1;

    /// <inheritdoc />
    public void AfterEvent(EngineCore engine, ref InboundEvent e)
    {
        var orders = engine.Orders;
        switch (e.Kind)
        {
            case InboundKind.Trade:
                _tradeId = e.Payload.Trade.TradeId;
                AppendFill(engine, _tradeId, e.Payload.Trade.TakerOrderId);
                break;
            case InboundKind.TradeMakerOrder:
                AppendFill(engine, _tradeId, e.Payload.MakerOrder.OrderId);
                break;
        }

        var mayHaveChanged = e.Kind is InboundKind.OrderUpdate or InboundKind.Trade or InboundKind.TradeMakerOrder or InboundKind.TradeEnd
            or InboundKind.RestReply or InboundKind.Operator or InboundKind.MetadataRefresh or InboundKind.Timer
            || engine.IntentsApproved != _lastApproved;
        _lastApproved = engine.IntentsApproved;
        if (mayHaveChanged)
        {
            ScanOrders(engine, orders);
            ScanPositions(engine);
        }

        if (MarkIntervalMs > 0 && engine.NowMs >= _nextMarkScanMs)
        {
            ScanMarks(engine);
        }

        if (_appended > 0)
        {
            LastGroup = _writer.CommitGroup();
            GroupsCommitted++;
            _appended = 0;
        }
    }

    /// <summary>Writes every order and position as they are now (start-up after reconciliation, and the final flush).</summary>
    public void WriteAll(EngineCore engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _orders = [];
        _positions = [];
        ScanOrders(engine, engine.Orders);
        ScanPositions(engine);
        if (_appended > 0)
        {
            LastGroup = _writer.CommitGroup();
            GroupsCommitted++;
            _appended = 0;
        }
    }

    private void AppendFill(EngineCore engine, Guid tradeId, in Hash32 orderId)
    {
        if (!engine.Orders.TryGetFill(tradeId, orderId, out var fill))
        {
            return;
        }

        var registry = engine.Registry;
        var market = registry.MarketOfToken(fill.TokenIndex);
        var tokenId = fill.TokenIndex == market.YesIndex ? market.YesToken : market.NoToken;
        var simulated = _simulated;
        if (!simulated && IsPaperTradeId(fill.TradeId))
        {
            simulated = true;
            SimulatedByTradeId++;
        }

        var stored = new StoredFill(
            fill.TradeId, fill.OrderId, tokenId, fill.Side, fill.Price, fill.Size, Amount.FromRaw(fill.Delta.Fee), fill.Status,
            (StoredLiquidity)(byte)fill.Liquidity, (StoredClassificationSource)(byte)fill.Source, simulated, fill.MatchMs, engine.NowMs);
        Append(StoreChange.Of(in stored));
        if (MarkIntervalMs > 0)
        {
            // The report measures the fill against the mid at the fill: one mark now, outside the heartbeat's rhythm.
            AppendMark(engine, fill.TokenIndex, tokenId);
        }
    }

    /// <summary>
    /// True for a trade id made by the paper venue: "PAPR" (0x50415052) in the first four bytes of the GUID's little-endian
    /// form. Real venue trade ids are random GUIDs, so about one in four billion would collide; the paper flag is the
    /// primary signal, this only a cross-check.
    /// </summary>
    public static bool IsPaperTradeId(Guid tradeId)
    {
        Span<byte> bytes = stackalloc byte[16];
        tradeId.TryWriteBytes(bytes);
        return bytes[0] == 0x52 && bytes[1] == 0x50 && bytes[2] == 0x41 && bytes[3] == 0x50;
    }

    private MarkThrottle Throttle(int tokenCount)
    {
        if (_marks is null || _markCapacity < tokenCount)
        {
            // Cold: the first mark, or the registry grew.
            _markCapacity = Math.Max(1, tokenCount);
            _marks = new MarkThrottle(_markCapacity, MarkIntervalMs);
        }

        return _marks;
    }

    private void ScanMarks(EngineCore engine)
    {
        var now = engine.NowMs;
        var registry = engine.Registry;
        var count = registry.TokenCount;
        var throttle = Throttle(count);
        var allPriced = true;
        for (var t = 0; t < count; t++)
        {
            // A token whose book is still empty is not charged a heartbeat: it gets its mark as soon as it has a price.
            if (!HasTop(engine, t))
            {
                allPriced = false;
                continue;
            }

            if (!throttle.TryTake(t, now))
            {
                continue;
            }

            var market = registry.MarketOfToken(t);
            AppendMark(engine, t, t == market.YesIndex ? market.YesToken : market.NoToken);
        }

        // While some book has no price yet, look again at the next millisecond (the throttle still spaces each token's marks).
        _nextMarkScanMs = now + (allPriced ? MarkIntervalMs : 1);
    }

    private static bool HasTop(EngineCore engine, int tokenIndex) =>
        engine.Books.Book(tokenIndex) is { } book && (book.TryGetBestBid(out _, out _) || book.TryGetBestAsk(out _, out _));

    private void AppendMark(EngineCore engine, int tokenIndex, in UInt256 tokenId)
    {
        var book = engine.Books.Book(tokenIndex);
        if (book is null)
        {
            return;
        }

        var hasBid = book.TryGetBestBid(out var bid, out _);
        var hasAsk = book.TryGetBestAsk(out var ask, out _);
        if (!hasBid && !hasAsk)
        {
            return;
        }

        var mid = hasBid && hasAsk ? Price.FromRaw((bid.Raw + ask.Raw) / 2) : Price.Zero;
        var mark = new StoredMark(tokenId, engine.NowMs, hasBid ? bid : Price.Zero, hasAsk ? ask : Price.Zero, mid);
        Append(StoreChange.Of(in mark));
        MarksAppended++;
    }

    private void ScanOrders(EngineCore engine, OrderTracker orders)
    {
        if (_orders.Length != orders.Capacity)
        {
            // Cold: the first scan.
            _orders = new OrderShadow[orders.Capacity];
        }

        for (var slot = 0; slot < _orders.Length; slot++)
        {
            ref readonly var o = ref orders[slot];
            if (o.Id.IsZero)
            {
                continue;
            }

            ref var shadow = ref _orders[slot];
            var filled = o.Filled;
            if (shadow.Id == o.Id && shadow.State == o.State && shadow.Filled == filled.Raw && shadow.UpdatedMs == o.UpdatedMs)
            {
                continue;
            }

            shadow = new OrderShadow(o.Id, o.State, filled.Raw, o.UpdatedMs);
            var market = engine.Registry.Market(o.MarketIndex);
            var stored = new StoredOrder(
                o.Id, o.IsYes ? market.YesToken : market.NoToken, market.ConditionId, o.Side, o.Price, o.OriginalSize, filled, o.Remaining,
                (StoredOrderState)(byte)o.State, o.Origin, o.PostOnly, o.TimeInForce, o.ExpirationSeconds, o.CreatedMs, o.UpdatedMs, null,
                o.Replaces);
            Append(StoreChange.Of(in stored));
        }
    }

    private void ScanPositions(EngineCore engine)
    {
        var registry = engine.Registry;
        var count = registry.TokenCount;
        if (_positions.Length < count)
        {
            Array.Resize(ref _positions, count);
        }

        for (var t = 0; t < count; t++)
        {
            ref readonly var p = ref engine.Positions.Token(t);
            ref var shadow = ref _positions[t];
            if (p.Shares == shadow.Shares && p.PendingShares == shadow.PendingShares && p.CostBasis == shadow.CostBasis
                && p.RealizedPnl == shadow.RealizedPnl && p.FeesPaid == shadow.FeesPaid && p.Fills == shadow.Fills)
            {
                continue;
            }

            shadow = p;
            var market = registry.MarketOfToken(t);
            var stored = new StoredPosition(
                t == market.YesIndex ? market.YesToken : market.NoToken, p.Shares, p.PendingShares, p.CostBasis, p.RealizedPnl, p.FeesPaid, p.Fills,
                engine.NowMs);
            Append(StoreChange.Of(in stored));
        }
    }

    private void Append(in StoreChange change)
    {
        _writer.Append(change);
        _appended++;
        ChangesAppended++;
    }

    private readonly record struct OrderShadow(Hash32 Id, OrderState State, long Filled, long UpdatedMs);
}

using FastMaker.Engine.Books;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Positions;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;

namespace FastMaker.Engine.Risk;

/// <summary>
/// The risk engine: caps per market, per cluster and in aggregate, available balances, and the kill switch.
/// Implements <see cref="IPreTradeRisk"/> for the gate. Engine thread only; <see cref="Check"/> and
/// <see cref="Reserve"/> allocate nothing once the markets are known.
/// </summary>
/// <remarks>
/// Available collateral = balance - reserved - unconfirmed sale credits; available shares of a token =
/// shares - reserved by SELL orders (- unconfirmed bought shares when <see cref="RiskLimits.SellOnlyConfirmedShares"/>).
/// Both are reported clamped at zero; a shortfall (reserved above balance, e.g. after a FAILED trade) is reported
/// separately and refuses every intent that needs that balance.
/// The kill switch (manual, drawdown from peak net realized PnL, error rate) refuses every intent that adds
/// exposure, queues one CancelAll intent (<see cref="TryDequeueIntent"/>) and stays on until an operator resets it.
/// </remarks>
public sealed class RiskEngine : IPreTradeRisk
{
    private readonly MarketRegistry _registry;
    private readonly RiskLimits _limits;
    private readonly Reservations _reservations;
    private readonly PositionBook _positions;
    private readonly OrderTracker _orders;
    private readonly BookStage? _books;
    private readonly long[] _errorTimes;
    private readonly OrderIntent[] _intents = new OrderIntent[8];
    private int _intentHead;
    private int _intentCount;
    private int _errorCursor;
    private long _errorsSeen;
    private long _lastTrackerErrors;
    private int[] _clusterOf = [];
    private int[][] _clusterMarkets = [];
    private long[] _marketNetFace = [];
    private long _totalNetFace;

    /// <summary>Creates the risk engine over the shared order, reservation and position state.</summary>
    public RiskEngine(MarketRegistry registry, RiskLimits limits, Reservations reservations, PositionBook positions, OrderTracker orders, BookStage? books = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(orders);
        if (limits.MaxErrorsPerWindow < 1)
        {
            OrderThrowHelper.ThrowArgument(nameof(limits), "MaxErrorsPerWindow must be at least 1");
        }

        _registry = registry;
        _limits = limits;
        _reservations = reservations;
        _positions = positions;
        _orders = orders;
        _books = books;
        _errorTimes = new long[limits.MaxErrorsPerWindow];
        Array.Fill(_errorTimes, long.MinValue);
        RebuildClusters();
    }

    /// <inheritdoc />
    public bool KillSwitchOn => KillReason != KillReason.None;

    /// <summary>Why the kill switch is on, or None.</summary>
    public KillReason KillReason { get; private set; }

    /// <summary>When the kill switch tripped (engine clock, ms).</summary>
    public long KilledAtMs { get; private set; }

    /// <summary>Highest net realized PnL seen (raw).</summary>
    public long PeakPnl { get; private set; }

    /// <summary>The outcome of the last <see cref="Reserve"/> (Applied when the order was opened or the cancel marked).</summary>
    public OrderEventOutcome LastReserveOutcome { get; private set; }

    /// <summary>Rejects by reason, for the dashboard and tests.</summary>
    public long RejectCount(GateRejectReason reason) => _rejects[(int)reason];

    private readonly long[] _rejects = new long[32];

    /// <summary>Collateral free for new BUY orders (raw, never negative).</summary>
    public long AvailableCollateral => Math.Max(0, RawAvailableCollateral);

    /// <summary>How far reservations exceed the balance (raw); 0 when healthy.</summary>
    public long CollateralShortfall => Math.Max(0, -RawAvailableCollateral);

    private long RawAvailableCollateral => _positions.Collateral - _positions.PendingCollateral - _reservations.TotalCollateral;

    /// <summary>Shares of a token free for new SELL orders (raw, never negative).</summary>
    public long AvailableShares(int tokenIndex) => Math.Max(0, RawAvailableShares(tokenIndex));

    private long RawAvailableShares(int tokenIndex)
    {
        var shares = _positions.Shares(tokenIndex);
        if (_limits.SellOnlyConfirmedShares)
        {
            shares -= _positions.PendingShares(tokenIndex);
        }

        return shares - _reservations.TokenShares(tokenIndex);
    }

    /// <summary>Sum over markets of worst-case net YES-equivalent shares at face value (raw collateral).</summary>
    public long NetNotional => _totalNetFace;

    /// <summary>Open order value plus position cost (raw collateral).</summary>
    public long GrossNotional => _reservations.TotalOpenValue + _positions.TotalCostBasis;

    /// <summary>The cluster a market belongs to (dense cluster index).</summary>
    public int ClusterOf(int marketIndex)
    {
        EnsureMarkets();
        return _clusterOf[marketIndex];
    }

    /// <summary>Gross notional of a cluster: its markets' open order value and position cost (raw).</summary>
    public long ClusterGross(int clusterIndex)
    {
        long sum = 0;
        foreach (var m in _clusterMarkets[clusterIndex])
        {
            sum += MarketGross(m);
        }

        return sum;
    }

    /// <summary>Gross notional of a market: open order value plus the cost of both its tokens (raw).</summary>
    public long MarketGross(int marketIndex)
    {
        var market = _registry.Market(marketIndex);
        return _reservations.MarketOpenValue(marketIndex) + _positions.CostBasis(market.YesIndex) + _positions.CostBasis(market.NoIndex);
    }

    /// <inheritdoc />
    public GateRejectReason Check(in OrderIntent intent)
    {
        var reason = CheckCore(in intent);
        _rejects[(int)reason]++;
        return reason;
    }

    private GateRejectReason CheckCore(in OrderIntent intent)
    {
        if (intent.Kind is IntentKind.Cancel or IntentKind.CancelAll)
        {
            // Reducing exposure is always allowed, also with the kill switch on.
            return GateRejectReason.None;
        }

        if (KillSwitchOn)
        {
            return GateRejectReason.KillSwitch;
        }

        if ((uint)intent.TokenIndex >= (uint)_registry.TokenCount || (uint)intent.MarketIndex >= (uint)_registry.MarketCount
            || _registry.MarketOfToken(intent.TokenIndex).MarketIndex != intent.MarketIndex
            || intent.Size.Raw <= 0 || !intent.Price.IsStrictlyBetweenZeroAndOne)
        {
            return GateRejectReason.InvalidIntent;
        }

        if (intent.Kind == IntentKind.Replace && !IsOpen(in intent.TargetOrderId))
        {
            return GateRejectReason.InvalidIntent;
        }

        EnsureMarkets();
        var market = _registry.Market(intent.MarketIndex);
        var value = Reservations.CollateralFor(intent.Price, intent.Size.Raw);

        if (_limits.MaxOpenOrders > 0 && _reservations.TotalOpenOrders + 1 > _limits.MaxOpenOrders)
        {
            return GateRejectReason.AggregateCap;
        }

        // A replace's old order stays reserved until its cancel is confirmed (it can still fill), so the new order
        // must fit on its own: conservative, never double-counted, never released early.
        if (intent.Side == Side.Buy)
        {
            var need = value + (intent.PostOnly ? 0 : TakerFeeBound(market, intent.Price, intent.Size));
            if (RawAvailableCollateral < need)
            {
                return GateRejectReason.InsufficientAvailable;
            }
        }
        else if (RawAvailableShares(intent.TokenIndex) < intent.Size.Raw)
        {
            return GateRejectReason.InsufficientAvailable;
        }

        if (Exceeds(MarketGross(intent.MarketIndex) + value, _limits.MaxMarketGrossNotional))
        {
            return GateRejectReason.MarketCap;
        }

        var net = _positions.NetYesShares(market);
        var addsLong = (intent.Side == Side.Buy) == (intent.TokenIndex == market.YesIndex);
        long worstAfter;
        if (addsLong)
        {
            worstAfter = net + _reservations.MarketLongOpen(intent.MarketIndex) + intent.Size.Raw;
        }
        else
        {
            worstAfter = -(net - _reservations.MarketShortOpen(intent.MarketIndex) - intent.Size.Raw);
        }

        if (Exceeds(worstAfter, _limits.MaxMarketNetShares))
        {
            return GateRejectReason.MarketCap;
        }

        if (Exceeds(ClusterGross(_clusterOf[intent.MarketIndex]) + value, _limits.MaxClusterGrossNotional))
        {
            return GateRejectReason.ClusterCap;
        }

        if (Exceeds(GrossNotional + value, _limits.MaxGrossNotional))
        {
            return GateRejectReason.AggregateCap;
        }

        var marketFaceAfter = Math.Max(_marketNetFace[intent.MarketIndex], Math.Abs(worstAfter));
        if (Exceeds(_totalNetFace - _marketNetFace[intent.MarketIndex] + marketFaceAfter, _limits.MaxNetNotional))
        {
            return GateRejectReason.AggregateCap;
        }

        if (intent.Side == Side.Buy
            && Exceeds(_positions.Shares(intent.TokenIndex) + _reservations.TokenBuyOpen(intent.TokenIndex) + intent.Size.Raw, _limits.MaxTokenShares))
        {
            return GateRejectReason.AggregateCap;
        }

        return GateRejectReason.None;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Place: opens the order (PendingNew) and reserves for it. Replace: the same for the new order, and the target
    /// becomes PendingCancel keeping its reservation. Cancel: the target becomes PendingCancel. CancelAll: every open
    /// order of the market (or all, for -1) becomes PendingCancel. A failure (duplicate id, no slot) is recorded in
    /// <see cref="LastReserveOutcome"/> and counted as an error.
    /// </remarks>
    public void Reserve(in OrderIntent intent, in Hash32 orderId)
    {
        var outcome = OrderEventOutcome.Applied;
        switch (intent.Kind)
        {
            case IntentKind.Place:
            case IntentKind.Replace:
                outcome = _orders.TryOpen(in intent, in orderId, CrossesBook(in intent), intent.CreatedMs);
                if (outcome == OrderEventOutcome.Applied && intent.Kind == IntentKind.Replace)
                {
                    _orders.RequestCancel(in intent.TargetOrderId, intent.CreatedMs);
                }

                break;
            case IntentKind.Cancel:
                outcome = _orders.RequestCancel(in intent.TargetOrderId, intent.CreatedMs);
                break;
            case IntentKind.CancelAll:
                CancelAllOpen(intent.MarketIndex, intent.CreatedMs);
                break;
        }

        LastReserveOutcome = outcome;
        if (outcome is OrderEventOutcome.DuplicateOrderId or OrderEventOutcome.NoCapacity or OrderEventOutcome.Invalid)
        {
            RecordError(intent.CreatedMs);
        }

        if ((uint)intent.MarketIndex < (uint)_registry.MarketCount)
        {
            RefreshMarket(intent.MarketIndex);
        }
    }

    /// <summary>Turns the kill switch on by hand.</summary>
    public void Kill(long nowMs) => Trip(KillReason.Manual, nowMs);

    /// <summary>Turns the kill switch off (operator only); the drawdown peak restarts from the current PnL.</summary>
    public void ResetKillSwitch()
    {
        KillReason = KillReason.None;
        PeakPnl = _positions.NetRealizedPnl;
        Array.Fill(_errorTimes, long.MinValue);
    }

    /// <summary>Counts one error (a venue reject, a contradicting event) at engine time <paramref name="nowMs"/>.</summary>
    public void RecordError(long nowMs)
    {
        _errorsSeen++;

        // A ring of the last N error times: after writing, the next slot holds the oldest of the last N errors.
        _errorTimes[_errorCursor] = nowMs;
        _errorCursor = (_errorCursor + 1) % _errorTimes.Length;
        var oldest = _errorTimes[_errorCursor];
        if (oldest != long.MinValue && nowMs - oldest < _limits.ErrorWindowMs)
        {
            Trip(KillReason.ErrorRate, nowMs);
        }
    }

    /// <summary>Errors counted so far.</summary>
    public long ErrorCount => _errorsSeen;

    /// <summary>
    /// Re-evaluates after user-channel events or replies touched a market: refreshes its net exposure, counts new
    /// tracker errors (rejects, mismatches, anomalies) and checks the drawdown.
    /// </summary>
    public void OnOrdersChanged(int marketIndex, long nowMs)
    {
        if ((uint)marketIndex < (uint)_registry.MarketCount)
        {
            RefreshMarket(marketIndex);
        }

        var trackerErrors = _orders.PostRejects + _orders.MismatchEvents + _orders.Anomalies;
        while (_lastTrackerErrors < trackerErrors)
        {
            _lastTrackerErrors++;
            RecordError(nowMs);
        }

        var pnl = _positions.NetRealizedPnl;
        if (pnl > PeakPnl)
        {
            PeakPnl = pnl;
        }

        if (_limits.MaxDrawdown > 0 && PeakPnl - pnl >= _limits.MaxDrawdown)
        {
            Trip(KillReason.Drawdown, nowMs);
        }
    }

    /// <summary>Takes the next intent risk wants sent (the kill switch's CancelAll).</summary>
    public bool TryDequeueIntent(out OrderIntent intent)
    {
        if (_intentCount == 0)
        {
            intent = default;
            return false;
        }

        intent = _intents[_intentHead];
        _intentHead = (_intentHead + 1) % _intents.Length;
        _intentCount--;
        return true;
    }

    /// <summary>Recomputes every market's net exposure (after reconciliation or a metadata refresh).</summary>
    public void RefreshAll()
    {
        EnsureMarkets();
        for (var m = 0; m < _registry.MarketCount; m++)
        {
            RefreshMarket(m);
        }
    }

    /// <summary>Recomputes cluster membership from metadata and configuration (cold path: metadata refresh).</summary>
    public void RebuildClusters()
    {
        var count = _registry.MarketCount;
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusterOf = new int[count];
        var members = new List<List<int>>();
        for (var m = 0; m < count; m++)
        {
            var key = ClusterKey(_registry.Market(m));
            if (!names.TryGetValue(key, out var c))
            {
                c = members.Count;
                names.Add(key, c);
                members.Add(new List<int>());
            }

            clusterOf[m] = c;
            members[c].Add(m);
        }

        var clusterMarkets = new int[members.Count][];
        for (var c = 0; c < members.Count; c++)
        {
            clusterMarkets[c] = members[c].ToArray();
        }

        _clusterOf = clusterOf;
        _clusterMarkets = clusterMarkets;
        Array.Resize(ref _marketNetFace, count);
        RefreshAll();
    }

    private string ClusterKey(MarketInfo market)
    {
        var condition = market.ConditionId.ToString();
        foreach (var pair in _limits.Clusters)
        {
            if (string.Equals(pair.Key, condition, StringComparison.OrdinalIgnoreCase))
            {
                return "cfg:" + pair.Value;
            }
        }

        if (market.NegRiskMarketId is { } negRiskId && !negRiskId.IsZero)
        {
            return "negrisk:" + negRiskId;
        }

        if (market.NegRisk && !string.IsNullOrEmpty(market.EventId))
        {
            return "event:" + market.EventId;
        }

        return "market:" + condition;
    }

    private void EnsureMarkets()
    {
        if (_clusterOf.Length != _registry.MarketCount)
        {
            // Cold: markets were added since the clusters were built.
            RebuildClusters();
        }
    }

    private void RefreshMarket(int marketIndex)
    {
        EnsureMarkets();
        var market = _registry.Market(marketIndex);
        var net = _positions.NetYesShares(market);
        var worstLong = net + _reservations.MarketLongOpen(marketIndex);
        var worstShort = net - _reservations.MarketShortOpen(marketIndex);
        var face = Math.Max(Math.Abs(worstLong), Math.Abs(worstShort));
        _totalNetFace += face - _marketNetFace[marketIndex];
        _marketNetFace[marketIndex] = face;
    }

    private void CancelAllOpen(int marketIndex, long nowMs)
    {
        for (var slot = 0; slot < _orders.Capacity; slot++)
        {
            ref readonly var o = ref _orders[slot];
            if (o.State.IsOpen() && o.State != OrderState.PendingCancel && (marketIndex < 0 || o.MarketIndex == marketIndex))
            {
                _orders.RequestCancel(in o.Id, nowMs);
            }
        }
    }

    private void Trip(KillReason reason, long nowMs)
    {
        if (KillSwitchOn)
        {
            return;
        }

        KillReason = reason;
        KilledAtMs = nowMs;
        if (_intentCount < _intents.Length)
        {
            _intents[(_intentHead + _intentCount) % _intents.Length] = new OrderIntent
            {
                Kind = IntentKind.CancelAll,
                Origin = OrderOrigin.Operator,
                MarketIndex = -1,
                TokenIndex = -1,
                CreatedMs = nowMs,
            };
            _intentCount++;
        }
    }

    private bool IsOpen(in Hash32 orderId) => _orders.TryGetSlot(in orderId, out var slot) && _orders[slot].State.IsOpen();

    private sbyte CrossesBook(in OrderIntent intent)
    {
        var book = _books?.Book(intent.TokenIndex);
        if (book is null || !book.IsTrusted)
        {
            return -1;
        }

        if (intent.Side == Side.Buy)
        {
            return book.TryGetBestAsk(out var ask, out _) ? (sbyte)(intent.Price >= ask ? 1 : 0) : (sbyte)0;
        }

        return book.TryGetBestBid(out var bid, out _) ? (sbyte)(intent.Price <= bid ? 1 : 0) : (sbyte)0;
    }

    private long TakerFeeBound(MarketInfo market, Price limit, Quantity size)
    {
        var bps = market.TakerFeeRateBps ?? _limits.AssumedTakerFeeRateBps;
        if (bps <= 0)
        {
            return 0;
        }

        // p(1-p) is largest at 0.5; a BUY matches at or below its limit.
        var p = Math.Min(limit.Raw, Price.Scale / 2);
        Int128 pq = (Int128)p * (Price.Scale - p);
        return (long)(((Int128)size.Raw * bps * pq) / ((Int128)10_000 * Price.Scale * Price.Scale)) + 10;
    }

    private static bool Exceeds(long value, long cap) => cap > 0 && value > cap;
}

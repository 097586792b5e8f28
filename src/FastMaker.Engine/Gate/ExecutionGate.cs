using FastMaker.Engine.Budget;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Time;
using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Engine.Gate;

/// <summary>
/// Stage 4, the execution firewall: the only code that hands intents to the <see cref="SignStage"/>. Before anything
/// is signed it checks, in order, returning exactly one <see cref="GateRejectReason"/> per reject: a well-formed
/// intent, the kill switch, the market's state, its metadata (tick and min size, never a constant), price bounds and
/// tick alignment, the min size, size and amount precision (through the venue's amount code), the GTD expiration, the
/// mutation budget and venue modes, and the risk engine's caps and reservations. Cancels are always allowed when
/// their target is known. Every reject is counted per reason and per market (<see cref="Stats"/>).
/// </summary>
/// <remarks>Engine thread only. <see cref="Submit"/> allocates nothing in steady state.</remarks>
public sealed class ExecutionGate
{
    private readonly MarketRegistry _registry;
    private readonly IPreTradeRisk _risk;
    private readonly IOrderLookup _orders;
    private readonly MutationBudget _budget;
    private readonly SignStage _signer;
    private readonly ISignedRequestSink _sink;
    private readonly GateOptions _options;
    private MarketState[] _states;

    /// <summary>Creates the gate; every market starts <see cref="MarketState.Halted"/> until its state is set.</summary>
    public ExecutionGate(MarketRegistry registry, IPreTradeRisk risk, IOrderLookup orders, MutationBudget budget, SignStage signer,
        ISignedRequestSink sink, GateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(sink);
        _options = options ?? new GateOptions();
        _options.Validate();
        _registry = registry;
        _risk = risk;
        _orders = orders;
        _budget = budget;
        _signer = signer;
        _sink = sink;
        int n = Math.Max(16, registry.MarketCount);
        _states = new MarketState[n];
        _states.AsSpan().Fill(MarketState.Halted);
        Stats = new GateStats(n);
    }

    /// <summary>Rejects per reason and market, approvals, venue rejects.</summary>
    public GateStats Stats { get; }

    /// <summary>The mutation budget.</summary>
    public MutationBudget Budget => _budget;

    /// <summary>CancelAll requests the gate emitted on its own (circuit breaker).</summary>
    public long EmergencyCancelAlls { get; private set; }

    /// <summary>Sets a market's state (from the time model); unknown markets are <see cref="MarketState.Halted"/>.</summary>
    public void SetMarketState(int marketIndex, MarketState state)
    {
        if (marketIndex < 0) ThrowHelper.NegativeMarket(marketIndex);
        EnsureMarket(marketIndex);
        _states[marketIndex] = state;
    }

    /// <summary>A market's state as the gate sees it.</summary>
    public MarketState StateOf(int marketIndex) =>
        (uint)marketIndex < (uint)_states.Length ? _states[marketIndex] : MarketState.Halted;

    /// <summary>
    /// Checks one intent and, when it passes, signs it and publishes the request(s) to the sink: a replace publishes
    /// the cancel of its target, then the new order. Returns <see cref="GateRejectReason.None"/> when approved.
    /// </summary>
    /// <param name="intent">The intent.</param>
    /// <param name="nowMs">The engine clock (unix ms): the order timestamp, GTD checks, the budget and the L2 timestamp.</param>
    public GateRejectReason Submit(in OrderIntent intent, long nowMs)
    {
        switch (intent.Kind)
        {
            case IntentKind.Cancel:
                return SubmitCancel(intent, nowMs);
            case IntentKind.CancelAll:
                return SubmitCancelAll(intent, nowMs);
            case IntentKind.Place:
            case IntentKind.Replace:
                return SubmitOrder(intent, nowMs);
            default:
                return Reject(-1, GateRejectReason.InvalidIntent);
        }
    }

    /// <summary>Applies a venue reply: rate-limit headers, venue modes, backoffs and reject counting; a tripped circuit breaker emits a CancelAll.</summary>
    public void OnVenueFeedback(VenueFeedback feedback, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        long budgetNow = BudgetNow(nowMs);
        _budget.OnRateLimitHeaders(feedback.RateLimit.Remaining, feedback.RateLimit.ResetUnixSeconds, budgetNow);
        switch (feedback.Kind)
        {
            case VenueReplyKind.OrderAccepted:
                _budget.OnOrderAccepted(budgetNow);
                break;
            case VenueReplyKind.OrderRejected:
                OnOrderRejected(feedback.MarketIndex, nowMs);
                break;
            case VenueReplyKind.RateLimited:
                _budget.OnRateLimited(budgetNow, feedback.RetryAfterMs);
                break;
            case VenueReplyKind.EngineRestarting:
                _budget.OnEngineRestarting(budgetNow, feedback.RetryAfterMs);
                break;
            case VenueReplyKind.PostOnlyMode:
                _budget.OnPostOnlyMode(budgetNow, feedback.RetryAfterMs);
                break;
            case VenueReplyKind.CancelOnlyMode:
                _budget.OnCancelOnlyMode(budgetNow);
                break;
            case VenueReplyKind.TradingDisabled:
                _budget.OnTradingDisabled(budgetNow);
                break;
        }
    }

    /// <summary>The venue rejected one of the market's orders. Returns what it did to the budget.</summary>
    public RejectOutcome OnOrderRejected(int marketIndex, long nowMs)
    {
        if (marketIndex < 0) return RejectOutcome.Counted;
        Stats.CountVenueReject(marketIndex);
        RejectOutcome outcome = _budget.OnOrderRejected(marketIndex, BudgetNow(nowMs));
        if (outcome == RejectOutcome.CircuitBreakerTripped)
        {
            var cancelAll = new OrderIntent { Kind = IntentKind.CancelAll, MarketIndex = -1, TokenIndex = -1, Origin = OrderOrigin.Operator, CreatedMs = nowMs };
            EmergencyCancelAlls++;
            SubmitCancelAll(cancelAll, nowMs);
        }

        return outcome;
    }

    private GateRejectReason SubmitCancel(in OrderIntent intent, long nowMs)
    {
        if (intent.TargetOrderId.IsZero || !_orders.TryGetLive(intent.TargetOrderId, out LiveOrderView live))
            return Reject(MarketOfTokenOrMinus1(intent.TokenIndex), GateRejectReason.InvalidIntent);
        int market = MarketOfTokenOrMinus1(live.TokenIndex);
        OrderIntent cancel = intent;
        cancel.MarketIndex = market;
        cancel.TokenIndex = live.TokenIndex;
        if (!EmitCancel(cancel, default, nowMs)) return Reject(market, GateRejectReason.InvalidIntent);

        // The target is PendingCancel from now on: it keeps its reservation until the venue confirms the cancel.
        _risk.Reserve(cancel, live.OrderId);
        return Approve();
    }

    private GateRejectReason SubmitCancelAll(in OrderIntent intent, long nowMs)
    {
        Hash32 condition = default;
        if (intent.MarketIndex >= 0)
        {
            if (intent.MarketIndex >= _registry.MarketCount) return Reject(-1, GateRejectReason.InvalidIntent);
            condition = _registry.Market(intent.MarketIndex).ConditionId;
        }
        else if (intent.MarketIndex != -1)
        {
            return Reject(-1, GateRejectReason.InvalidIntent);
        }

        if (!EmitCancel(intent, condition, nowMs)) return Reject(intent.MarketIndex, GateRejectReason.InvalidIntent);
        _risk.Reserve(intent, default);
        return Approve();
    }

    private bool EmitCancel(in OrderIntent intent, Hash32 conditionId, long nowMs)
    {
        var approved = new ApprovedIntent(_signer.Tickets.Issue(), intent, OrderType.Gtc, default, 0, default, false, default, conditionId);
        SignedRequest? request = _signer.SignCancel(approved, nowMs);
        if (request is null) return false;
        _sink.Publish(request);
        return true;
    }

    private GateRejectReason SubmitOrder(in OrderIntent intent, long nowMs)
    {
        // 1. Well-formed: a known token in the stated market, a side, a positive size, a target for a replace.
        if ((uint)intent.TokenIndex >= (uint)_registry.TokenCount) return Reject(-1, GateRejectReason.InvalidIntent);
        MarketInfo market = _registry.MarketOfToken(intent.TokenIndex);
        int m = market.MarketIndex;
        if (intent.MarketIndex != m || intent.Size.Raw <= 0 || (intent.Side != Side.Buy && intent.Side != Side.Sell))
            return Reject(m, GateRejectReason.InvalidIntent);
        OrderType orderType = intent.TimeInForce switch
        {
            IntentTimeInForce.Gtc => OrderType.Gtc,
            IntentTimeInForce.Gtd => OrderType.Gtd,
            IntentTimeInForce.Fok => OrderType.Fok,
            _ => OrderType.Fak,
        };
        bool marketable = orderType is OrderType.Fok or OrderType.Fak;
        if (marketable && intent.PostOnly) return Reject(m, GateRejectReason.InvalidIntent);
        LiveOrderView target = default;
        if (intent.Kind == IntentKind.Replace &&
            (intent.TargetOrderId.IsZero || !_orders.TryGetLive(intent.TargetOrderId, out target) || target.TokenIndex != intent.TokenIndex))
            return Reject(m, GateRejectReason.InvalidIntent);

        // 2. Kill switch.
        if (_risk.KillSwitchOn) return Reject(m, GateRejectReason.KillSwitch);

        // 3. Market state: maker quotes need Active; taker exits only reduce inventory.
        MarketState state = StateOf(m);
        bool allowed = intent.Origin == OrderOrigin.TakerExit ? MarketStateRules.AllowsReducingOrders(state) : MarketStateRules.AllowsMakerQuotes(state);
        if (!allowed) return Reject(m, GateRejectReason.MarketState);

        // 4. Metadata: the market's current tick and min size, never a default.
        if (market.Tick is not TickSize tick || !tick.IsValid || market.MinOrderSize is not Quantity minSize)
            return Reject(m, GateRejectReason.MarketMetadata);

        // 5. Price within [tick, 1 - tick], on the tick grid.
        if (intent.Price.Raw < tick.MinPrice.Raw || intent.Price.Raw > tick.MaxPrice.Raw) return Reject(m, GateRejectReason.PriceOutOfBounds);
        if (!tick.IsAligned(intent.Price)) return Reject(m, GateRejectReason.OffTick);

        // 6. Min size.
        if (intent.Size.Raw < minSize.Raw) return Reject(m, GateRejectReason.BelowMinSize);

        // 7. Precision: the venue's own amount code, refusing (not flooring) a size with too many decimals.
        OrderAmounts amounts;
        long marketAmount = 0;
        OrderAmountError amountError;
        if (marketable)
        {
            amountError = MarketAmount(intent, tick, out marketAmount, out amounts);
        }
        else
        {
            amountError = OrderAmounts.TryLimit(intent.Side, intent.Price, intent.Size, tick, SizePrecision.Reject, out amounts);
        }

        if (amountError != OrderAmountError.None) return Reject(m, ReasonOf(amountError));

        // 8. GTD expiration.
        if (!ExpirationIsSane(intent, orderType, nowMs)) return Reject(m, GateRejectReason.Expiration);

        // 9. Mutation budget, reject-storm pause, circuit breaker and venue modes.
        GateRejectReason reason = _budget.Check(m, intent.PostOnly, BudgetNow(nowMs));
        if (reason != GateRejectReason.None) return Reject(m, reason);

        // 10. Caps and reservations.
        reason = _risk.Check(intent);
        if (reason != GateRejectReason.None) return Reject(m, reason);

        // Approved: cancel the replaced order first (always allowed), then sign the new one.
        if (intent.Kind == IntentKind.Replace)
        {
            OrderIntent cancel = intent;
            cancel.Kind = IntentKind.Cancel;
            if (!EmitCancel(cancel, default, nowMs)) return Reject(m, GateRejectReason.InvalidIntent);
        }

        var approved = new ApprovedIntent(_signer.Tickets.Issue(), intent, orderType, amounts, marketAmount, tick, market.NegRisk,
            TokenIdOf(market, intent.TokenIndex), market.ConditionId);
        SignedRequest? request = _signer.SignOrder(approved, nowMs, out _);
        if (request is null) return Reject(m, GateRejectReason.InvalidIntent);

        _budget.Commit(m, BudgetNow(nowMs));
        _risk.Reserve(intent, request.OrderId);
        _sink.Publish(request);
        return Approve();
    }

    // The budget's pauses run on the engine clock unless a separate clock is configured (tests of minute-long pauses).
    private long BudgetNow(long nowMs) => _options.BudgetClock is { } clock ? clock.GetUtcNow().ToUnixTimeMilliseconds() : nowMs;

    private bool ExpirationIsSane(in OrderIntent intent, OrderType orderType, long nowMs)
    {
        if (orderType != OrderType.Gtd) return intent.ExpirationSeconds == 0;
        long nowSeconds = nowMs / 1000;
        long lead = intent.ExpirationSeconds - nowSeconds;
        return lead >= _options.MinGtdLeadSeconds && lead <= _options.MaxGtdHorizonSeconds;
    }

    // FOK/FAK: a BUY spends size x price of collateral, a SELL sells size shares; the size itself must have 2 decimals.
    private static OrderAmountError MarketAmount(in OrderIntent intent, TickSize tick, out long amount, out OrderAmounts amounts)
    {
        amount = 0;
        amounts = default;
        if (intent.Size.Raw % 10_000 != 0) return OrderAmountError.SizeTooPrecise;
        if (intent.Side == Side.Sell)
        {
            amount = intent.Size.Raw;
        }
        else
        {
            UInt128 collateral = (UInt128)(ulong)intent.Size.Raw * (ulong)intent.Price.Raw / 1_000_000;
            if (collateral > long.MaxValue) return OrderAmountError.Overflow;
            amount = (long)collateral / 10_000 * 10_000;
        }

        return OrderAmounts.TryMarket(intent.Side, intent.Price, amount, tick, SizePrecision.Reject, out amounts);
    }

    private static GateRejectReason ReasonOf(OrderAmountError error) => error switch
    {
        OrderAmountError.InvalidTickSize => GateRejectReason.MarketMetadata,
        OrderAmountError.PriceOffTickGrid => GateRejectReason.OffTick,
        OrderAmountError.PriceOutOfRange => GateRejectReason.PriceOutOfBounds,
        OrderAmountError.SizeTooPrecise or OrderAmountError.AmountZero or OrderAmountError.SizeZero => GateRejectReason.Precision,
        _ => GateRejectReason.InvalidIntent,
    };

    private static UInt256 TokenIdOf(MarketInfo market, int tokenIndex) => tokenIndex == market.YesIndex ? market.YesToken : market.NoToken;

    private int MarketOfTokenOrMinus1(int tokenIndex) =>
        (uint)tokenIndex < (uint)_registry.TokenCount ? _registry.MarketOfToken(tokenIndex).MarketIndex : -1;

    private GateRejectReason Approve()
    {
        Stats.CountApproved();
        return GateRejectReason.None;
    }

    private GateRejectReason Reject(int marketIndex, GateRejectReason reason)
    {
        Stats.CountReject(marketIndex, reason);
        return reason;
    }

    private void EnsureMarket(int marketIndex)
    {
        if (marketIndex < _states.Length) return;
        int old = _states.Length;
        Array.Resize(ref _states, Math.Max(marketIndex + 1, old * 2));
        _states.AsSpan(old).Fill(MarketState.Halted);
    }

    private static class ThrowHelper
    {
        public static void NegativeMarket(int marketIndex) =>
            throw new ArgumentOutOfRangeException(nameof(marketIndex), marketIndex, "marketIndex must not be negative.");
    }
}

using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Time;

/// <summary>
/// Keeps every market's <see cref="MarketInfo.State"/> current from the three clocks (<see cref="TimeModel"/>), on each
/// housekeeping timer and after metadata changes, reading time only from events. A transition into a state that
/// forbids what the previous state allowed (maker quotes, reducing orders) emits a CancelAll intent for that market. Missing or contradictory time data logs one error
/// per market when it appears, not one per evaluation. Engine thread only; allocation-free unless it logs.
/// </summary>
public sealed class MarketStateStage
{
    private static readonly Action<ILogger, string, TimeDataProblem, Exception?> LogTimeProblem =
        LoggerMessage.Define<string, TimeDataProblem>(
            LogLevel.Error,
            new EventId(5201, "MarketTimeData"),
            "market {Market}: time data {Problem}; treated as ChallengeWindow (cancel everything, no quotes)");

    private readonly MarketRegistry _registry;
    private readonly TimeModelOptions _options;
    private readonly IIntentSink _intents;
    private readonly ILogger _logger;

    /// <summary>Creates the stage.</summary>
    public MarketStateStage(MarketRegistry registry, TimeModelOptions options, IIntentSink intents, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _registry = registry;
        _options = options;
        _intents = intents;
        _logger = logger;
    }

    /// <summary>The clocks' margins.</summary>
    public TimeModelOptions Options => _options;

    /// <summary>State transitions so far.</summary>
    public long Transitions { get; private set; }

    /// <summary>CancelAll intents emitted because a state forbade quoting.</summary>
    public long CancelAllsEmitted { get; private set; }

    /// <summary>Errors logged for missing or contradictory time data.</summary>
    public long TimeProblemsLogged { get; private set; }

    /// <summary>Evaluates every market at <paramref name="nowMs"/>.</summary>
    public void EvaluateAll(long nowMs)
    {
        var count = _registry.MarketCount;
        for (var i = 0; i < count; i++)
        {
            Evaluate(_registry.Market(i), nowMs);
        }
    }

    /// <summary>Evaluates one market at <paramref name="nowMs"/>; returns its (possibly new) state.</summary>
    public MarketState Evaluate(MarketInfo market, long nowMs)
    {
        var state = TimeModel.Evaluate(market, nowMs, _options, out var problem);
        if (problem != market.TimeProblem)
        {
            market.TimeProblem = problem;
            if (problem != TimeDataProblem.None)
            {
                TimeProblemsLogged++;
                LogTimeProblem(_logger, market.ConditionId.ToString(), problem, null);
            }
        }

        var previous = market.State;
        if (state != previous)
        {
            market.State = state;
            Transitions++;
            if (Forbids(previous, state))
            {
                EmitCancelAll(_intents, market.MarketIndex, nowMs);
                CancelAllsEmitted++;
            }
        }

        return state;
    }

    /// <summary>
    /// True when <paramref name="next"/> forbids an order kind <paramref name="previous"/> allowed, so orders of that kind
    /// may rest and must go. (Halted to WindDown adds nothing: nothing could rest while halted.)
    /// </summary>
    public static bool Forbids(MarketState previous, MarketState next) =>
        (MarketStateRules.AllowsMakerQuotes(previous) && !MarketStateRules.AllowsMakerQuotes(next))
        || (MarketStateRules.AllowsReducingOrders(previous) && !MarketStateRules.AllowsReducingOrders(next));

    /// <summary>Submits a CancelAll intent for one market.</summary>
    internal static void EmitCancelAll(IIntentSink intents, int marketIndex, long nowMs)
    {
        var intent = new OrderIntent
        {
            Kind = IntentKind.CancelAll,
            MarketIndex = marketIndex,
            TokenIndex = -1,
            CreatedMs = nowMs,
        };
        intents.Submit(in intent);
    }
}

using FastMaker.Engine.Orders;
using FastMaker.Engine.Time;
using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Registry;

/// <summary>
/// Applies a <see cref="MetadataRefresh"/> to the registry on the engine thread and reports what changed.
/// When a market's negRisk flags or event binding change, every market of the events involved gets a CancelAll
/// intent before anything else of the refresh is applied, and stays Halted until the next clean refresh (one in which
/// its flags and binding are unchanged). One log line per market per new reason it cannot be quoted. Cold path.
/// </summary>
public sealed class MetadataStage
{
    private static readonly Action<ILogger, string, string, Exception?> LogNotQuotable =
        LoggerMessage.Define<string, string>(
            LogLevel.Warning,
            new EventId(5101, "MarketNotQuotable"),
            "market {Market} is not quoted: {Reason}");

    private static readonly Action<ILogger, string, string, Exception?> LogHalted =
        LoggerMessage.Define<string, string>(
            LogLevel.Warning,
            new EventId(5102, "MarketHalted"),
            "market {Market} cancel-all and halted: {Reason}");

    private static readonly Action<ILogger, string, string, Exception?> LogRejected =
        LoggerMessage.Define<string, string>(
            LogLevel.Error,
            new EventId(5103, "MarketRejected"),
            "market {Market} could not be identified and is ignored: {Reason}");

    private const string AbsentReason = "absent from the latest complete metadata refresh";

    private readonly MarketRegistry _registry;
    private readonly IIntentSink _intents;
    private readonly ILogger _logger;
    private readonly List<MarketChange> _changes = new();
    private readonly HashSet<string> _loggedRejections = new(StringComparer.Ordinal);

    /// <summary>Creates the stage.</summary>
    public MetadataStage(MarketRegistry registry, IIntentSink intents, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(logger);
        _registry = registry;
        _intents = intents;
        _logger = logger;
    }

    /// <summary>What the last refresh changed, one entry per changed market, in market-index order.</summary>
    public IReadOnlyList<MarketChange> LastChanges => _changes;

    /// <summary>Refreshes applied.</summary>
    public long RefreshesApplied { get; private set; }

    /// <summary>Markets halted by negRisk or event binding changes, in total.</summary>
    public long Halts { get; private set; }

    /// <summary>Applies a refresh at engine time <paramref name="nowMs"/>; returns the changes (also in <see cref="LastChanges"/>).</summary>
    public IReadOnlyList<MarketChange> Apply(MetadataRefresh refresh, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        RefreshesApplied++;
        var kinds = new Dictionary<int, MarketChangeKind>();
        var pending = new List<(MarketInfo Market, MarketMetadata Metadata)>(refresh.Markets.Count);
        var seen = new HashSet<int>();
        var halted = new SortedDictionary<int, string>();
        var touchedEvents = new Dictionary<string, string>(StringComparer.Ordinal);

        // Pass 1: identify markets and find the negRisk and binding changes, without applying anything yet.
        foreach (var metadata in refresh.Markets)
        {
            var index = _registry.MarketIndexOf(metadata.ConditionId);
            if (index < 0)
            {
                if (_registry.TokenIndexOf(metadata.YesToken) >= 0 || _registry.TokenIndexOf(metadata.NoToken) >= 0)
                {
                    Reject(metadata.ConditionId.ToString(), "a token of this market already belongs to another market");
                    continue;
                }

                var added = _registry.GetOrAdd(metadata.ConditionId, metadata.YesToken, metadata.NoToken);
                kinds[added.MarketIndex] = MarketChangeKind.Added;
                pending.Add((added, metadata));
                seen.Add(added.MarketIndex);
                continue;
            }

            var market = _registry.Market(index);
            seen.Add(index);
            if (market.YesToken != metadata.YesToken || market.NoToken != metadata.NoToken)
            {
                halted[index] = "token ids changed from (" + market.YesToken + ", " + market.NoToken + ") to ("
                    + metadata.YesToken + ", " + metadata.NoToken + ")";
                continue;
            }

            var diff = market.HasMetadata ? Diff(market, metadata) : MarketChangeKind.None;
            kinds[index] = diff;
            pending.Add((market, metadata));
            if ((diff & (MarketChangeKind.NegRiskFlags | MarketChangeKind.EventBinding)) != 0)
            {
                var why = (diff & MarketChangeKind.NegRiskFlags) != 0
                    ? "negRisk flags changed (" + Flags(market) + " -> " + Flags(metadata) + ")"
                    : "event binding changed (" + (market.EventId ?? "none") + " -> " + (metadata.EventId ?? "none") + ")";
                halted[index] = why;
                TouchEvent(touchedEvents, market.EventId, why);
                TouchEvent(touchedEvents, metadata.EventId, why);
            }
        }

        // Every other market of an event involved is affected too (parity and clustering span the event).
        if (touchedEvents.Count > 0)
        {
            for (var i = 0; i < _registry.MarketCount; i++)
            {
                var market = _registry.Market(i);
                if (!halted.ContainsKey(i) && market.EventId is { } eventId && touchedEvents.TryGetValue(eventId, out var why))
                {
                    halted[i] = "event " + eventId + ": " + why;
                }
            }

            foreach (var (market, metadata) in pending)
            {
                if (!halted.ContainsKey(market.MarketIndex) && metadata.EventId is { } eventId && touchedEvents.TryGetValue(eventId, out var why))
                {
                    halted[market.MarketIndex] = "event " + eventId + ": " + why;
                }
            }
        }

        // Cancel-all before anything else of this refresh takes effect.
        foreach (var (index, reason) in halted)
        {
            var market = _registry.Market(index);
            MarketStateStage.EmitCancelAll(_intents, index, nowMs);
            market.HaltReason = reason;
            market.State = MarketState.Halted;
            Halts++;
            Add(kinds, index, MarketChangeKind.Halt);
            LogHalted(_logger, market.ConditionId.ToString(), reason, null);
        }

        // Pass 2: apply.
        foreach (var (market, metadata) in pending)
        {
            var wasHalted = market.HaltReason is not null;
            ApplyFields(market, metadata, nowMs);
            if (wasHalted && !halted.ContainsKey(market.MarketIndex))
            {
                // A clean refresh: the flags and binding held still since the halt.
                market.HaltReason = null;
                Add(kinds, market.MarketIndex, MarketChangeKind.Halt);
            }

            SetNotQuotable(market, metadata.NotQuotableReason, kinds);
        }

        foreach (var rejected in refresh.Rejected)
        {
            if (Hash32TryParse(rejected.Id, out var conditionId) && _registry.MarketIndexOf(conditionId) is var index and >= 0)
            {
                seen.Add(index);
                SetNotQuotable(_registry.Market(index), "metadata rejected: " + rejected.Reason, kinds);
            }
            else
            {
                Reject(rejected.Id, rejected.Reason);
            }
        }

        if (refresh.IsComplete)
        {
            for (var i = 0; i < _registry.MarketCount; i++)
            {
                if (!seen.Contains(i))
                {
                    SetNotQuotable(_registry.Market(i), AbsentReason, kinds);
                }
            }
        }

        _changes.Clear();
        var indexes = new List<int>(kinds.Keys);
        indexes.Sort();
        foreach (var index in indexes)
        {
            if (kinds[index] != MarketChangeKind.None)
            {
                _changes.Add(new MarketChange(index, kinds[index]));
            }
        }

        return _changes;
    }

    private static MarketChangeKind Diff(MarketInfo m, MarketMetadata n)
    {
        var kinds = MarketChangeKind.None;
        if (n.Tick is { } tick && m.Tick != tick)
        {
            kinds |= MarketChangeKind.TickSize;
        }

        if (m.MinOrderSize != n.MinOrderSize)
        {
            kinds |= MarketChangeKind.MinOrderSize;
        }

        if (m.AcceptingOrders != (n.AcceptingOrders ?? false))
        {
            kinds |= MarketChangeKind.AcceptingOrders;
        }

        if (m.Closed != (n.Closed ?? true))
        {
            kinds |= MarketChangeKind.Closed;
        }

        if (m.EndMs != n.EndMs)
        {
            kinds |= MarketChangeKind.EndDate;
        }

        if (m.NegRisk != (n.NegRisk ?? false) || m.EventNegRisk != n.EventNegRisk || m.NegRiskAugmented != n.NegRiskAugmented
            || m.NegRiskOther != n.NegRiskOther || m.NegRiskMarketId != n.NegRiskMarketId)
        {
            kinds |= MarketChangeKind.NegRiskFlags;
        }

        if (!string.Equals(m.EventId, n.EventId, StringComparison.Ordinal))
        {
            kinds |= MarketChangeKind.EventBinding;
        }

        if (m.GameStartMs != n.GameStartMs || m.EventStartMs != n.EventStartMs || m.ClearBookOnStart != n.ClearBookOnStart)
        {
            kinds |= MarketChangeKind.EventStart;
        }

        if (m.TakerFeeRateBps != n.TakerFeeRateBps || m.FeesEnabled != n.FeesEnabled || (n.FeeExponent is { } e && m.FeeExponent != e))
        {
            kinds |= MarketChangeKind.Fees;
        }

        if (m.RewardsMinSize != n.RewardsMinSize || m.RewardsMaxSpread != n.RewardsMaxSpread)
        {
            kinds |= MarketChangeKind.Rewards;
        }

        if (m.Resolution != n.Resolution)
        {
            kinds |= MarketChangeKind.Resolution;
        }

        return kinds;
    }

    private static void ApplyFields(MarketInfo m, MarketMetadata n, long nowMs)
    {
        m.HasMetadata = true;
        m.Question = n.Question;
        m.Outcomes = n.Outcomes;
        if (n.Tick is { } tick)
        {
            // A missing tick never erases a known one (never defaulted either way); the problem keeps it unquoted.
            m.Tick = tick;
        }

        m.MinOrderSize = n.MinOrderSize;
        m.FeesEnabled = n.FeesEnabled;
        m.TakerFeeRateBps = n.TakerFeeRateBps;
        if (n.FeeExponent is { } exponent)
        {
            m.FeeExponent = exponent;
        }

        m.FeeTakerOnly = n.FeeTakerOnly;
        m.StartMs = n.StartMs;
        m.EndMs = n.EndMs;
        m.GameStartMs = n.GameStartMs;
        m.EventStartMs = n.EventStartMs;
        m.ClearBookOnStart = n.ClearBookOnStart;
        m.SecondsDelay = n.SecondsDelay;
        // Unknown venue state is the restrictive value.
        m.AcceptingOrders = n.AcceptingOrders ?? false;
        m.Closed = n.Closed ?? true;
        m.NegRisk = n.NegRisk ?? false;
        m.EventNegRisk = n.EventNegRisk;
        m.NegRiskAugmented = n.NegRiskAugmented;
        m.NegRiskOther = n.NegRiskOther;
        m.NegRiskMarketId = n.NegRiskMarketId;
        m.EventId = n.EventId;
        m.RewardsMinSize = n.RewardsMinSize;
        m.RewardsMaxSpread = n.RewardsMaxSpread;
        if (n.Resolution == ResolutionStatus.Proposed && m.Resolution != ResolutionStatus.Proposed)
        {
            // Gamma gives no proposal time: the first refresh that shows it starts the window, which can only make
            // the challenge window end later than the real one (conservative), and depends on event time only.
            m.ProposalMs = nowMs;
        }
        else if (n.Resolution == ResolutionStatus.Open)
        {
            m.ProposalMs = null;
        }

        m.Resolution = n.Resolution;
    }

    private void SetNotQuotable(MarketInfo market, string? reason, Dictionary<int, MarketChangeKind> kinds)
    {
        if (string.Equals(market.NotQuotableReason, reason, StringComparison.Ordinal))
        {
            return;
        }

        market.NotQuotableReason = reason;
        Add(kinds, market.MarketIndex, MarketChangeKind.Quotability);
        if (reason is not null)
        {
            LogNotQuotable(_logger, market.ConditionId.ToString(), reason, null);
        }
    }

    private void Reject(string id, string reason)
    {
        if (_loggedRejections.Add(id + "\n" + reason))
        {
            LogRejected(_logger, id, reason, null);
        }
    }

    private static void TouchEvent(Dictionary<string, string> events, string? eventId, string why)
    {
        if (eventId is not null)
        {
            events.TryAdd(eventId, why);
        }
    }

    private static void Add(Dictionary<int, MarketChangeKind> kinds, int index, MarketChangeKind kind) =>
        kinds[index] = (kinds.TryGetValue(index, out var existing) ? existing : MarketChangeKind.None) | kind;

    private static bool Hash32TryParse(string text, out FastMaker.Primitives.Hash32 value) =>
        FastMaker.Primitives.Hash32.TryParse(text.AsSpan(), out value);

    private static string Flags(MarketInfo m) => Flags(m.NegRisk, m.EventNegRisk, m.NegRiskAugmented, m.NegRiskOther, m.NegRiskMarketId);

    private static string Flags(MarketMetadata n) =>
        Flags(n.NegRisk ?? false, n.EventNegRisk, n.NegRiskAugmented, n.NegRiskOther, n.NegRiskMarketId);

    private static string Flags(bool negRisk, bool eventNegRisk, bool augmented, bool other, FastMaker.Primitives.Hash32? id) =>
        "negRisk=" + negRisk + " event=" + eventNegRisk + " augmented=" + augmented + " other=" + other
        + " id=" + (id?.ToString() ?? "none");
}

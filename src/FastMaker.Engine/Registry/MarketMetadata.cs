using FastMaker.Primitives;

namespace FastMaker.Engine.Registry;

/// <summary>
/// One market's metadata as fetched off the engine thread (Gamma, then CLOB <c>/clob-markets</c>), in the engine's
/// types. Immutable: it travels to the engine inside a <see cref="MetadataRefresh"/>. Unknown facts are null, never
/// defaulted; every field that was missing or unparseable leaves a problem in <see cref="Problems"/>.
/// </summary>
public sealed record MarketMetadata
{
    /// <summary>The condition id.</summary>
    public required Hash32 ConditionId { get; init; }

    /// <summary>The first outcome's token (index 0 of <c>clobTokenIds</c>).</summary>
    public required UInt256 YesToken { get; init; }

    /// <summary>The second outcome's token.</summary>
    public required UInt256 NoToken { get; init; }

    /// <summary>The question text.</summary>
    public string Question { get; init; } = string.Empty;

    /// <summary>Outcome labels, index-aligned with the tokens.</summary>
    public string[] Outcomes { get; init; } = [];

    /// <summary>Minimum tick; null when unknown.</summary>
    public TickSize? Tick { get; init; }

    /// <summary>Minimum order size in shares; null when unknown.</summary>
    public Quantity? MinOrderSize { get; init; }

    /// <summary>Fees are charged; null when unknown.</summary>
    public bool? FeesEnabled { get; init; }

    /// <summary>Platform fee rate in basis points (0.07 is 700); null when unknown.</summary>
    public int? TakerFeeRateBps { get; init; }

    /// <summary>Fee exponent; null when unknown.</summary>
    public int? FeeExponent { get; init; }

    /// <summary>Fees are charged to takers only.</summary>
    public bool FeeTakerOnly { get; init; }

    /// <summary>Market open, unix ms.</summary>
    public long? StartMs { get; init; }

    /// <summary>Scheduled end, unix ms.</summary>
    public long? EndMs { get; init; }

    /// <summary>Sports game start, unix ms.</summary>
    public long? GameStartMs { get; init; }

    /// <summary>Underlying event start (<c>eventStartTime</c>), unix ms.</summary>
    public long? EventStartMs { get; init; }

    /// <summary>The venue clears the book at game start.</summary>
    public bool ClearBookOnStart { get; init; }

    /// <summary>Sports matching delay in seconds.</summary>
    public int? SecondsDelay { get; init; }

    /// <summary>The venue accepts orders (and the order book is enabled); null when unknown.</summary>
    public bool? AcceptingOrders { get; init; }

    /// <summary>The market is closed; null when unknown.</summary>
    public bool? Closed { get; init; }

    /// <summary>Orders go to the negRisk exchange; null when unknown.</summary>
    public bool? NegRisk { get; init; }

    /// <summary>The parent event is a negRisk event.</summary>
    public bool EventNegRisk { get; init; }

    /// <summary>The parent event is augmented negRisk.</summary>
    public bool NegRiskAugmented { get; init; }

    /// <summary>This market is an augmented event's "Other".</summary>
    public bool NegRiskOther { get; init; }

    /// <summary>The negRisk market id binding the event's markets.</summary>
    public Hash32? NegRiskMarketId { get; init; }

    /// <summary>The parent event's id.</summary>
    public string? EventId { get; init; }

    /// <summary>Rewards: minimum scoring size; null when the market has no rewards.</summary>
    public Quantity? RewardsMinSize { get; init; }

    /// <summary>Rewards: max scoring distance from the adjusted midpoint, as a price (4.5 cents is 0.045).</summary>
    public Price? RewardsMaxSpread { get; init; }

    /// <summary>UMA resolution progress.</summary>
    public ResolutionStatus Resolution { get; init; }

    /// <summary>Problems found while mapping, by field name (missing required field, unparseable value, contradiction).</summary>
    public IReadOnlyDictionary<string, string> Problems { get; init; } = EmptyProblems;

    /// <summary>Why the market must not be quoted (all problems, by field name, joined), or null when there are none.</summary>
    public string? NotQuotableReason => Problems.Count == 0 ? null : JoinProblems(Problems);

    private static readonly IReadOnlyDictionary<string, string> EmptyProblems = new Dictionary<string, string>();

    private static string JoinProblems(IReadOnlyDictionary<string, string> problems)
    {
        var keys = new List<string>(problems.Keys);
        keys.Sort(StringComparer.Ordinal);
        var parts = new string[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            parts[i] = problems[keys[i]];
        }

        return string.Join("; ", parts);
    }
}

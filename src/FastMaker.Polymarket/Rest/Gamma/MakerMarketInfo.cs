using FastMaker.Primitives;

namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>A Gamma market in the engine's types: condition id as <see cref="Hash32"/>, tokens as <see cref="UInt256"/>, tick and size as fixed point.</summary>
public sealed record MakerMarketInfo(
    Hash32 ConditionId,
    UInt256 YesTokenId,
    UInt256 NoTokenId,
    string YesOutcome,
    string NoOutcome,
    TickSize TickSize,
    Quantity MinOrderSize,
    DateTimeOffset? EndDate,
    DateTimeOffset? GameStartTime,
    DateTimeOffset? EventStartTime,
    bool AcceptingOrders,
    bool Closed,
    bool NegRisk,
    Hash32? NegRiskMarketId,
    bool NegRiskOther,
    bool EventNegRiskAugmented,
    decimal? RewardsMinSize,
    decimal? RewardsMaxSpreadCents,
    bool FeesEnabled,
    decimal? TakerBaseFee,
    IReadOnlyList<string> UmaResolutionStatuses);

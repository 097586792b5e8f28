using FastMaker.Engine.Gate;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// A point-in-time copy of what the engine has done, built on the engine thread and published for other threads (the
/// live summary, the JSON report). Money and sizes are raw fixed-point (1e-6 units), like the engine's own numbers.
/// </summary>
public sealed class EngineSummary
{
    /// <summary>Engine clock when the copy was taken, unix ms.</summary>
    public long AsOfMs { get; init; }

    /// <summary>Events the engine handled.</summary>
    public long Events { get; init; }

    /// <summary>Orders signed and handed to the sender (posts, including the new half of replaces).</summary>
    public long OrdersPosted { get; init; }

    /// <summary>Cancel requests handed to the sender (single, replace halves and cancel-alls).</summary>
    public long CancelsSent { get; init; }

    /// <summary>Intents the gate approved.</summary>
    public long IntentsApproved { get; init; }

    /// <summary>Our open orders now.</summary>
    public int OpenOrders { get; init; }

    /// <summary>Fills applied (active and rolled back).</summary>
    public long Fills { get; init; }

    /// <summary>Fills classified as maker.</summary>
    public long MakerFills { get; init; }

    /// <summary>Fills classified as taker.</summary>
    public long TakerFills { get; init; }

    /// <summary>Fills whose liquidity could not be decided.</summary>
    public long UnknownLiquidityFills { get; init; }

    /// <summary>Orders the venue rejected.</summary>
    public long VenueRejects { get; init; }

    /// <summary>Gate rejects by reason (only reasons with a count).</summary>
    public required IReadOnlyDictionary<GateRejectReason, long> GateRejects { get; init; }

    /// <summary>Collateral balance (raw).</summary>
    public long Collateral { get; init; }

    /// <summary>Realized PnL net of fees (raw).</summary>
    public long RealizedPnl { get; init; }

    /// <summary>Fees paid (raw).</summary>
    public long FeesPaid { get; init; }

    /// <summary>Unrealized PnL: each position at its book's mid minus its cost basis (raw); 0 for tokens without a two-sided book.</summary>
    public long UnrealizedPnl { get; init; }

    /// <summary>Positions per token, in registry order.</summary>
    public required IReadOnlyList<PositionSummary> Positions { get; init; }

    /// <summary>True while the kill switch is on.</summary>
    public bool KillSwitchOn { get; init; }
}

/// <summary>One token's position in an <see cref="EngineSummary"/>.</summary>
/// <param name="TokenId">The token id (decimal string, as the venue writes it).</param>
/// <param name="Outcome">"Yes" or "No" (the market's outcome label when known).</param>
/// <param name="Market">The market's question, or its condition id.</param>
/// <param name="Shares">Shares held (raw).</param>
/// <param name="CostBasis">Cost of the shares held (raw).</param>
/// <param name="Mid">The book's mid price (raw), or -1 without a two-sided book.</param>
public readonly record struct PositionSummary(string TokenId, string Outcome, string Market, long Shares, long CostBasis, long Mid);

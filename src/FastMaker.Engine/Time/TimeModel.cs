using FastMaker.Engine.Registry;

namespace FastMaker.Engine.Time;

/// <summary>
/// The three clocks of a market and the state they imply, as a pure function of the market's metadata and the
/// engine's event time (unix ms, integers only). Allocation-free.
/// </summary>
/// <remarks>
/// Evaluation order (the first rule that applies wins):
/// <list type="number">
/// <item>Halted: a metadata halt (negRisk flags or event binding changed) or incomplete metadata (NotQuotableReason).</item>
/// <item>ChallengeWindow with a <see cref="TimeDataProblem"/>: closed but accepting orders, resolved but accepting
/// orders, a proposal without an end date, no end date, end before start.</item>
/// <item>Resolution clock: Resolved when resolved; a proposal is in its ChallengeWindow until proposal + ChallengeWindowMs,
/// then Resolved (undisputed); a dispute is ChallengeWindow.</item>
/// <item>Halted when closed or not accepting orders (the venue stopped it).</item>
/// <item>Event clock: PreEvent from (game start, else event start) - PreEventMarginMs, inclusive, onward (no in-play quoting).</item>
/// <item>Trading clock: ChallengeWindow at or after the end date (awaiting resolution), WindDown when the time left is at
/// most WindDownMs (inclusive), else Active.</item>
/// </list>
/// </remarks>
public static class TimeModel
{
    /// <summary>Full size in <see cref="SizeScalePpm"/>.</summary>
    public const int FullScalePpm = 1_000_000;

    /// <summary>Evaluates the market's state at <paramref name="nowMs"/>; <paramref name="problem"/> says what time data was bad.</summary>
    public static MarketState Evaluate(MarketInfo market, long nowMs, TimeModelOptions options, out TimeDataProblem problem)
    {
        problem = TimeDataProblem.None;
        if (market.HaltReason is not null || market.NotQuotableReason is not null)
        {
            return MarketState.Halted;
        }

        problem = FindProblem(market);
        if (problem != TimeDataProblem.None)
        {
            return MarketState.ChallengeWindow;
        }

        switch (market.Resolution)
        {
            case ResolutionStatus.Resolved:
                return MarketState.Resolved;
            case ResolutionStatus.Disputed:
                return MarketState.ChallengeWindow;
            case ResolutionStatus.Proposed:
                return market.ProposalMs is { } proposal && nowMs - proposal >= options.ChallengeWindowMs
                    ? MarketState.Resolved
                    : MarketState.ChallengeWindow;
        }

        if (market.Closed || !market.AcceptingOrders)
        {
            return MarketState.Halted;
        }

        if (EventStartMs(market) is { } start && nowMs >= start - options.PreEventMarginMs)
        {
            return MarketState.PreEvent;
        }

        var remaining = market.EndMs!.Value - nowMs;
        if (remaining <= 0)
        {
            return MarketState.ChallengeWindow;
        }

        return remaining <= options.WindDownMs ? MarketState.WindDown : MarketState.Active;
    }

    /// <summary>The first missing or contradictory piece of time data, or None.</summary>
    public static TimeDataProblem FindProblem(MarketInfo market)
    {
        if (market.Closed && market.AcceptingOrders)
        {
            return TimeDataProblem.ClosedButAcceptingOrders;
        }

        if (market.Resolution == ResolutionStatus.Resolved && market.AcceptingOrders)
        {
            return TimeDataProblem.ResolvedButAcceptingOrders;
        }

        if (market.EndMs is not { } end)
        {
            return market.Resolution is ResolutionStatus.Proposed or ResolutionStatus.Disputed
                ? TimeDataProblem.ProposalWithoutEndDate
                : TimeDataProblem.NoEndDate;
        }

        if (market.StartMs is { } start && end < start)
        {
            return TimeDataProblem.EndBeforeStart;
        }

        return TimeDataProblem.None;
    }

    /// <summary>The event clock's origin: the sports game start, else the underlying event's start, else null.</summary>
    public static long? EventStartMs(MarketInfo market) => market.GameStartMs ?? market.EventStartMs;

    /// <summary>Trading clock: milliseconds left until the end date (negative after it), or null without an end date.</summary>
    public static long? RemainingTradingMs(MarketInfo market, long nowMs) => market.EndMs is { } end ? end - nowMs : null;

    /// <summary>
    /// Trading clock size taper, in parts per million of the full quote size: <see cref="FullScalePpm"/> until
    /// SizeTaperMs before WindDown, then linear (rounded down) to 0 at the start of WindDown, and 0 from then on or
    /// without an end date.
    /// </summary>
    public static int SizeScalePpm(MarketInfo market, long nowMs, TimeModelOptions options)
    {
        if (market.EndMs is not { } end)
        {
            return 0;
        }

        var beforeWindDown = end - options.WindDownMs - nowMs;
        if (beforeWindDown <= 0)
        {
            return 0;
        }

        if (beforeWindDown >= options.SizeTaperMs)
        {
            return FullScalePpm;
        }

        // beforeWindDown < SizeTaperMs, so the product fits a long for any taper shorter than about 290 years.
        return (int)(beforeWindDown * FullScalePpm / options.SizeTaperMs);
    }
}

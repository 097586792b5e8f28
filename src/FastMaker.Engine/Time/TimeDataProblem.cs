namespace FastMaker.Engine.Time;

/// <summary>Missing or contradictory time data; any of these maps the market to <see cref="MarketState.ChallengeWindow"/>.</summary>
public enum TimeDataProblem : byte
{
    /// <summary>The time data is complete and consistent.</summary>
    None,

    /// <summary>No end date: the trading clock cannot run.</summary>
    NoEndDate,

    /// <summary>The end date is before the market's start date.</summary>
    EndBeforeStart,

    /// <summary>A UMA proposal or dispute exists but the market has no end date.</summary>
    ProposalWithoutEndDate,

    /// <summary>The market is closed yet says it accepts orders.</summary>
    ClosedButAcceptingOrders,

    /// <summary>The market is resolved yet says it accepts orders.</summary>
    ResolvedButAcceptingOrders,
}

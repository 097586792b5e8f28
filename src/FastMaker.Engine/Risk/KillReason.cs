namespace FastMaker.Engine.Risk;

/// <summary>Why the kill switch is on.</summary>
public enum KillReason : byte
{
    /// <summary>Off.</summary>
    None = 0,

    /// <summary>An operator turned it on.</summary>
    Manual,

    /// <summary>Net realized PnL fell <see cref="RiskLimits.MaxDrawdown"/> below its peak.</summary>
    Drawdown,

    /// <summary>Too many errors within the window.</summary>
    ErrorRate,
}

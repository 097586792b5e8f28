namespace FastMaker.Engine.Budget;

/// <summary>What a venue reject did to the budget.</summary>
public enum RejectOutcome : byte
{
    /// <summary>Counted; nothing paused.</summary>
    Counted,

    /// <summary>The market reached its reject limit and is paused.</summary>
    MarketPaused,

    /// <summary>Rejects across all markets reached the per-minute limit: everything stops and all orders must be cancelled.</summary>
    CircuitBreakerTripped,
}

namespace FastMaker.Venue.Scenarios;

/// <summary>How trades settle: MATCHED -> MINED -> CONFIRMED, or RETRYING -> FAILED at <see cref="FailureRate"/>.</summary>
public sealed class SettlementSpec
{
    /// <summary>Milliseconds from MATCHED to MINED (or RETRYING).</summary>
    public int MinedDelayMs { get; set; } = 2000;

    /// <summary>Milliseconds from MINED to CONFIRMED (or RETRYING to FAILED).</summary>
    public int ConfirmedDelayMs { get; set; } = 5000;

    /// <summary>Fraction of trades that fail, 0..1.</summary>
    public double FailureRate { get; set; }
}

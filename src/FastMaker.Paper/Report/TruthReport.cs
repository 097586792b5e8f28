namespace FastMaker.Paper.Report;

/// <summary>
/// The truth report over one store: per provenance (real, simulated) and per liquidity (maker, taker), never pooled
/// across them; the gates; and every figure that could not be computed with the reason.
/// </summary>
public sealed class TruthReport
{
    /// <summary>The store read.</summary>
    public required string Store { get; init; }

    /// <summary>Its schema version.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>Marks (mids over time) in the store.</summary>
    public required int Marks { get; init; }

    /// <summary>The options in force (thresholds, horizons, seed).</summary>
    public required ReportOptions Config { get; init; }

    /// <summary>Fills the venue made.</summary>
    public required ProvenanceFigures Real { get; init; }

    /// <summary>Fills the paper model made.</summary>
    public required ProvenanceFigures Simulated { get; init; }

    /// <summary>Paper against venue.</summary>
    public required CalibrationFigure Calibration { get; init; }

    /// <summary>Gate A: paper ready to go live.</summary>
    public required GateResult GateA { get; init; }

    /// <summary>Gate B: live maker edge confirmed.</summary>
    public required GateResult GateB { get; init; }

    /// <summary>Figures not computed, each with why.</summary>
    public required List<MissingFigure> Missing { get; init; }
}

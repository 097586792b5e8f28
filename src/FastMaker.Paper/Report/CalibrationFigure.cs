namespace FastMaker.Paper.Report;

/// <summary>
/// Paper against venue over the same market data: present when one store holds both real and simulated maker fills
/// (a calibration run). The ratio is simulated / real; above 1 the paper model is too generous.
/// </summary>
public sealed class CalibrationFigure
{
    /// <summary>False when the store lacks one of the two kinds of maker fill.</summary>
    public required bool Available { get; init; }

    /// <summary>Hours spanned by the store's marks (the common window).</summary>
    public double? WindowHours { get; init; }

    /// <summary>Real maker fills per hour.</summary>
    public double? RealMakerFillsPerHour { get; init; }

    /// <summary>Simulated maker fills per hour.</summary>
    public double? SimulatedMakerFillsPerHour { get; init; }

    /// <summary>Simulated / real maker fill count.</summary>
    public double? FillRateRatio { get; init; }

    /// <summary>Mean simulated / mean real maker fill size.</summary>
    public double? FillSizeRatio { get; init; }

    /// <summary>Real maker 30 s markout per share (or the longest horizon configured below 30 s if 30 s is absent).</summary>
    public double? RealMakerMarkout30s { get; init; }

    /// <summary>Simulated maker 30 s markout per share.</summary>
    public double? SimulatedMakerMarkout30s { get; init; }
}

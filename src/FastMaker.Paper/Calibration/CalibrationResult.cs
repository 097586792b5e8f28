namespace FastMaker.Paper.Calibration;

/// <summary>
/// The same scenario run live against the venue and by the paper model over the live run's market data, side by side.
/// A paper run that fills more than the venue did, or more than the market traded, is a bug in the model (see
/// <see cref="Findings"/>), not a parameter to tune.
/// </summary>
public sealed class CalibrationResult
{
    /// <summary>The markout horizons of <see cref="CalibrationSide.MakerMarkoutsPerShare"/>, ms.</summary>
    public static readonly long[] MarkoutHorizonsMs = [1_000, 5_000, 30_000, 60_000];

    /// <summary>The scenario run.</summary>
    public required string Scenario { get; init; }

    /// <summary>The live run.</summary>
    public required CalibrationSide Live { get; init; }

    /// <summary>The paper run over the live run's capture.</summary>
    public required CalibrationSide Paper { get; init; }

    /// <summary>Trades in the capture's market data (everyone's, ours included).</summary>
    public required long MarketTrades { get; init; }

    /// <summary>Shares those trades carried: the most the paper model may fill.</summary>
    public required double MarketTradedShares { get; init; }

    /// <summary>Paper fills / live fills; null when the live run had none.</summary>
    public double? FillCountRatio => Ratio(Paper.Fills, Live.Fills);

    /// <summary>Paper fills per order / live fills per order.</summary>
    public double? FillRateRatio => Ratio(Paper.FillsPerOrder, Live.FillsPerOrder);

    /// <summary>Paper mean fill size / live mean fill size.</summary>
    public double? FillSizeRatio => Ratio(Paper.MeanFillSize, Live.MeanFillSize);

    /// <summary>Paper filled shares / live filled shares.</summary>
    public double? FilledSharesRatio => Ratio(Paper.FilledShares, Live.FilledShares);

    /// <summary>True when the paper run filled more shares than the whole market traded: the model is broken.</summary>
    public bool PaperExceedsMarketVolume => Paper.FilledShares > MarketTradedShares + 1e-9;

    /// <summary>True when the paper run filled more shares than the live run: the model is optimistic (a bug to find).</summary>
    public bool PaperFillsMoreThanLive => Paper.FilledShares > Live.FilledShares + 1e-9;

    /// <summary>What the comparison found, in plain words (empty: nothing notable).</summary>
    public required List<string> Findings { get; init; }

    private static double? Ratio(double? paper, double? live) =>
        paper is { } p && live is { } l && l > 0 ? p / l : null;
}

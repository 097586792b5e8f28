namespace FastMaker.Paper.Calibration;

/// <summary>One run's fill figures in a calibration: the live run (real matching at the venue) or the paper run (the model).</summary>
public sealed class CalibrationSide
{
    /// <summary>"live" or "paper".</summary>
    public required string Run { get; init; }

    /// <summary>Seconds of market data the run covered.</summary>
    public required double Seconds { get; init; }

    /// <summary>Orders the engine placed (stored orders of the run).</summary>
    public required int OrdersPlaced { get; init; }

    /// <summary>Fills of ours, maker and taker (failed trades excluded).</summary>
    public required int Fills { get; init; }

    /// <summary>Maker fills of ours.</summary>
    public required int MakerFills { get; init; }

    /// <summary>Taker fills of ours.</summary>
    public required int TakerFills { get; init; }

    /// <summary>Shares filled, all fills.</summary>
    public required double FilledShares { get; init; }

    /// <summary>Fills per minute of the run.</summary>
    public double? FillsPerMinute { get; init; }

    /// <summary>Fills per order placed (the fill rate of our orders).</summary>
    public double? FillsPerOrder { get; init; }

    /// <summary>Mean shares per fill.</summary>
    public double? MeanFillSize { get; init; }

    /// <summary>Size-weighted markouts per share of maker fills at 1 s, 5 s, 30 s and 60 s (positive: the mid moved our way); null when not computable.</summary>
    public required double?[] MakerMarkoutsPerShare { get; init; }

    /// <summary>Maker fills that had a mark at every markout horizon, per horizon.</summary>
    public required int[] MakerMarkoutFills { get; init; }

    /// <summary>Marks (top of book, mid) in the run's store.</summary>
    public required int Marks { get; init; }
}

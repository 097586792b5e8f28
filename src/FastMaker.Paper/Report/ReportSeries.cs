namespace FastMaker.Paper.Report;

/// <summary>Time series of one provenance for the plots; times are unix ms.</summary>
public sealed class ReportSeries
{
    /// <summary>Instants at which the cumulative PnL is evaluated.</summary>
    public List<long> PnlTimes { get; } = [];

    /// <summary>Cumulative spread capture at each instant.</summary>
    public List<double> SpreadCapture { get; } = [];

    /// <summary>Cumulative inventory PnL at each instant.</summary>
    public List<double> InventoryPnl { get; } = [];

    /// <summary>Cumulative fees (as a negative contribution) at each instant.</summary>
    public List<double> Fees { get; } = [];

    /// <summary>Cumulative rewards at each instant.</summary>
    public List<double> Rewards { get; } = [];

    /// <summary>Total at each instant.</summary>
    public List<double> Total { get; } = [];

    /// <summary>Shares held per token after each of its fills: token id -> (time, shares).</summary>
    public SortedDictionary<string, List<(long TimeMs, double Shares)>> Inventory { get; } = new(StringComparer.Ordinal);

    /// <summary>Maker fill times, for the fill-rate calibration plot.</summary>
    public List<long> MakerFillTimes { get; } = [];
}

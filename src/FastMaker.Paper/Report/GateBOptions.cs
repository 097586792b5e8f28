namespace FastMaker.Paper.Report;

/// <summary>Gate B, live maker edge confirmed: the thresholds the real maker fills must meet.</summary>
public sealed class GateBOptions
{
    /// <summary>Real maker fills needed before any other criterion is judged (default 100).</summary>
    public int MinRealMakerFills { get; set; } = 100;

    /// <summary>
    /// Size-weighted 30 s markout per share of real maker fills (which is the realized spread plus the mid's move over
    /// 30 s) minus fees per share must exceed this, in collateral per share (default 0).
    /// </summary>
    public double MinEdgePerShare { get; set; }

    /// <summary>Which Sharpe decides: "day" (default) or "hour".</summary>
    public string SharpePeriod { get; set; } = "day";

    /// <summary>The lower bound of the Sharpe's bootstrap 95% CI must exceed this (default 0).</summary>
    public double MinSharpeLowerBound { get; set; }
}

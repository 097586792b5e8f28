using System.Text.Json.Serialization;

namespace FastMaker.Paper.Report;

/// <summary>Gate A, paper ready to go live: the thresholds the simulated maker fills must meet.</summary>
public sealed class GateAOptions
{
    /// <summary>Simulated maker fills needed before any other criterion is judged (default 100).</summary>
    public int MinSimulatedMakerFills { get; set; } = 100;

    /// <summary>
    /// The lower bound of the bootstrap 95% CI of the size-weighted 30 s markout per share of simulated maker fills must
    /// be at least this, in collateral per share (default -0.005: we accept at most half a cent of adverse selection).
    /// </summary>
    [JsonPropertyName("min_markout_30s_lower_bound")]
    public double MinMarkout30sLowerBound { get; set; } = -0.005;

    /// <summary>Whether the calibration criterion applies (default true: a paper model never checked against the venue is not ready).</summary>
    public bool RequireCalibration { get; set; } = true;

    /// <summary>Paper maker fills / venue maker fills over the same market data must be at most this (default 1: paper may not fill more).</summary>
    public double MaxCalibrationRatio { get; set; } = 1.0;
}

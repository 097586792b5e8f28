namespace FastMaker.Paper.Report;

/// <summary>A figure the report could not compute, and why (it is never invented).</summary>
/// <param name="Figure">Which figure, e.g. "real.pnl_split".</param>
/// <param name="Reason">What data is missing.</param>
public sealed record MissingFigure(string Figure, string Reason);

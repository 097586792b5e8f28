using FastMaker.Primitives;

namespace FastMaker.Engine.Books;

/// <summary>One aggregated price level: a price and the total size resting there.</summary>
public readonly record struct BookLevel(Price Price, Quantity Size);

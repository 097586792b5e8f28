using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>One aggregated price level of a book.</summary>
public readonly record struct BookLevel(Price Price, Quantity Size);

using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>
/// A token's book at one instant. <see cref="Bids"/> and <see cref="Asks"/> are best first (the wire
/// sends them worst first: reverse when serialising). The NO book is the mirror of the YES book.
/// </summary>
public sealed class BookSnapshot
{
    /// <summary>Condition id.</summary>
    public required Hash32 Market { get; init; }

    /// <summary>The token this book is for.</summary>
    public required UInt256 AssetId { get; init; }

    /// <summary>Bids, highest price first.</summary>
    public required BookLevel[] Bids { get; init; }

    /// <summary>Asks, lowest price first.</summary>
    public required BookLevel[] Asks { get; init; }

    /// <summary>Engine time of the snapshot, unix ms.</summary>
    public required long TimestampMs { get; init; }

    /// <summary>Current tick size.</summary>
    public required TickSize TickSize { get; init; }

    /// <summary>Minimum order size.</summary>
    public required Quantity MinOrderSize { get; init; }

    /// <summary>NegRisk flag of the market.</summary>
    public required bool NegRisk { get; init; }

    /// <summary>Price of the last trade in this token's terms; zero when the market never traded.</summary>
    public required Price LastTradePrice { get; init; }

    /// <summary>Best bid or zero.</summary>
    public Price BestBid => Bids.Length > 0 ? Bids[0].Price : Price.Zero;

    /// <summary>Best ask or zero.</summary>
    public Price BestAsk => Asks.Length > 0 ? Asks[0].Price : Price.Zero;
}

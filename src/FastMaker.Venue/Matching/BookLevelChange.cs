using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>
/// A price level's new aggregate size (zero = level removed), per token and side, with that token's
/// best bid and ask after the change: one <c>price_change</c> entry. Every change of the unified book
/// is reported for both tokens (a YES bid at p is a NO ask at 1 - p).
/// </summary>
public readonly record struct BookLevelChange(
    Hash32 Market,
    UInt256 AssetId,
    Side Side,
    Price Price,
    Quantity Size,
    Price BestBid,
    Price BestAsk,
    long TimestampMs);

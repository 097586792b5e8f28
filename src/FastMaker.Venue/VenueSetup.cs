using FastMaker.Venue.Matching;
using VenueLedger = FastMaker.Venue.Ledger.Ledger;

namespace FastMaker.Venue;

/// <summary>What a scenario or test configures before the venue starts: markets on the engine, balances on the ledger.</summary>
/// <param name="Engine">The matching engine (add markets here).</param>
/// <param name="Ledger">The ledger (fund accounts here).</param>
public sealed record VenueSetup(MatchingEngine Engine, VenueLedger Ledger);

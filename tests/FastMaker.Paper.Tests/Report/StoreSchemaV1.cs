namespace FastMaker.Paper.Tests.Report;

/// <summary>The tables of store schema version 1 as released (copied so that the test keeps meaning if the code moves).</summary>
internal static class StoreSchemaV1
{
    public static readonly string[] Statements =
    [
        "CREATE TABLE orders (order_id TEXT NOT NULL PRIMARY KEY, token_id TEXT NOT NULL, market_id TEXT NOT NULL, side TEXT NOT NULL, price INTEGER NOT NULL, original_size INTEGER NOT NULL, filled_size INTEGER NOT NULL, remaining_size INTEGER NOT NULL, state TEXT NOT NULL, origin TEXT NOT NULL, post_only INTEGER NOT NULL, time_in_force TEXT NOT NULL, expiration_s INTEGER NOT NULL, created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, last_venue_status TEXT NULL, replaces TEXT NULL) STRICT",
        "CREATE TABLE fills (trade_id TEXT NOT NULL, order_id TEXT NOT NULL, token_id TEXT NOT NULL, side TEXT NOT NULL, price INTEGER NOT NULL, size INTEGER NOT NULL, fee INTEGER NOT NULL, status TEXT NOT NULL, liquidity TEXT NOT NULL, classification_source TEXT NOT NULL, simulated INTEGER NOT NULL, match_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, PRIMARY KEY (trade_id, order_id)) STRICT",
        "CREATE TABLE positions (token_id TEXT NOT NULL PRIMARY KEY, shares INTEGER NOT NULL, pending_shares INTEGER NOT NULL, cost_basis INTEGER NOT NULL, realized_pnl INTEGER NOT NULL, fees_paid INTEGER NOT NULL, fills INTEGER NOT NULL, updated_ms INTEGER NOT NULL) STRICT",
        "CREATE TABLE reservations (scope TEXT NOT NULL, market_id TEXT NOT NULL, token_id TEXT NOT NULL, amount INTEGER NOT NULL, updated_ms INTEGER NOT NULL, PRIMARY KEY (scope, market_id, token_id)) STRICT",
    ];
}

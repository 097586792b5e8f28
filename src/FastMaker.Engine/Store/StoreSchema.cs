namespace FastMaker.Engine.Store;

/// <summary>
/// The store's schema as an ordered list of migrations. Migration N takes the database from version N-1 to N in one
/// transaction together with the new <c>schema_version</c>, so a crash mid-migration leaves the old version intact.
/// Append new migrations; never edit a released one.
/// </summary>
public static class StoreSchema
{
    /// <summary>The version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Migration i (0-based) produces version i + 1.</summary>
    internal static readonly string[][] Migrations =
    [
        // Version 1: ids as lowercase 0x-hex (hashes) or decimal (token ids), enums by name, numbers as raw integers.
        [
            """
            CREATE TABLE orders (
                order_id          TEXT    NOT NULL PRIMARY KEY,
                token_id          TEXT    NOT NULL,
                market_id         TEXT    NOT NULL,
                side              TEXT    NOT NULL,
                price             INTEGER NOT NULL,
                original_size     INTEGER NOT NULL,
                filled_size       INTEGER NOT NULL,
                remaining_size    INTEGER NOT NULL,
                state             TEXT    NOT NULL,
                origin            TEXT    NOT NULL,
                post_only         INTEGER NOT NULL,
                time_in_force     TEXT    NOT NULL,
                expiration_s      INTEGER NOT NULL,
                created_ms        INTEGER NOT NULL,
                updated_ms        INTEGER NOT NULL,
                last_venue_status TEXT    NULL,
                replaces          TEXT    NULL
            ) STRICT
            """,
            "CREATE INDEX orders_by_state ON orders(state)",
            """
            CREATE TABLE fills (
                trade_id              TEXT    NOT NULL,
                order_id              TEXT    NOT NULL,
                token_id              TEXT    NOT NULL,
                side                  TEXT    NOT NULL,
                price                 INTEGER NOT NULL,
                size                  INTEGER NOT NULL,
                fee                   INTEGER NOT NULL,
                status                TEXT    NOT NULL,
                liquidity             TEXT    NOT NULL,
                classification_source TEXT    NOT NULL,
                simulated             INTEGER NOT NULL,
                match_ms              INTEGER NOT NULL,
                updated_ms            INTEGER NOT NULL,
                PRIMARY KEY (trade_id, order_id)
            ) STRICT
            """,
            "CREATE INDEX fills_by_order ON fills(order_id)",
            """
            CREATE TABLE positions (
                token_id       TEXT    NOT NULL PRIMARY KEY,
                shares         INTEGER NOT NULL,
                pending_shares INTEGER NOT NULL,
                cost_basis     INTEGER NOT NULL,
                realized_pnl   INTEGER NOT NULL,
                fees_paid      INTEGER NOT NULL,
                fills          INTEGER NOT NULL,
                updated_ms     INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE reservations (
                scope      TEXT    NOT NULL,
                market_id  TEXT    NOT NULL,
                token_id   TEXT    NOT NULL,
                amount     INTEGER NOT NULL,
                updated_ms INTEGER NOT NULL,
                PRIMARY KEY (scope, market_id, token_id)
            ) STRICT
            """,
        ],

        // Version 2: what the truth report needs beyond fills: the mid over time and liquidity-reward samples.
        [
            """
            CREATE TABLE marks (
                token_id TEXT    NOT NULL,
                time_ms  INTEGER NOT NULL,
                best_bid INTEGER NOT NULL,
                best_ask INTEGER NOT NULL,
                mid      INTEGER NOT NULL,
                PRIMARY KEY (token_id, time_ms)
            ) STRICT
            """,
            """
            CREATE TABLE reward_samples (
                market_id   TEXT    NOT NULL,
                time_ms     INTEGER NOT NULL,
                simulated   INTEGER NOT NULL,
                duration_ms INTEGER NOT NULL,
                our_q_min   REAL    NOT NULL,
                total_q_min REAL    NOT NULL,
                daily_pool  INTEGER NOT NULL,
                PRIMARY KEY (market_id, time_ms, simulated)
            ) STRICT
            """,
        ],
    ];
}

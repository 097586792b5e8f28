using System.Globalization;
using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using Microsoft.Data.Sqlite;

namespace FastMaker.Engine.Store;

/// <summary>
/// The durable store: one SQLite file in WAL mode holding orders, fills, positions and reservations. Opening checks
/// integrity (<c>PRAGMA quick_check</c>) and migrates the schema; <see cref="ApplyGroups"/> writes changes in one
/// transaction together with the last group sequence, so after any crash the file holds exactly a prefix of the
/// groups. Not thread-safe: one thread (the <see cref="StoreWriter"/>'s) uses it.
/// </summary>
public sealed class SqliteStore : IDisposable
{
    private const string LastGroupKey = "last_group_seq";
    private const string SchemaVersionKey = "schema_version";
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsertOrder;
    private readonly SqliteCommand _upsertFill;
    private readonly SqliteCommand _upsertPosition;
    private readonly SqliteCommand _upsertReservation;
    private readonly SqliteCommand _upsertMark;
    private readonly SqliteCommand _upsertRewardSample;
    private readonly SqliteCommand _setMeta;

    private SqliteStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
        _upsertOrder = Prepare("""
            INSERT INTO orders VALUES ($order_id, $token_id, $market_id, $side, $price, $original_size, $filled_size,
                $remaining_size, $state, $origin, $post_only, $time_in_force, $expiration_s, $created_ms, $updated_ms,
                $last_venue_status, $replaces)
            ON CONFLICT(order_id) DO UPDATE SET token_id = excluded.token_id, market_id = excluded.market_id,
                side = excluded.side, price = excluded.price, original_size = excluded.original_size,
                filled_size = excluded.filled_size, remaining_size = excluded.remaining_size, state = excluded.state,
                origin = excluded.origin, post_only = excluded.post_only, time_in_force = excluded.time_in_force,
                expiration_s = excluded.expiration_s, created_ms = excluded.created_ms, updated_ms = excluded.updated_ms,
                last_venue_status = excluded.last_venue_status, replaces = excluded.replaces
            """, "$order_id", "$token_id", "$market_id", "$side", "$price", "$original_size", "$filled_size",
            "$remaining_size", "$state", "$origin", "$post_only", "$time_in_force", "$expiration_s", "$created_ms",
            "$updated_ms", "$last_venue_status", "$replaces");
        _upsertFill = Prepare("""
            INSERT INTO fills VALUES ($trade_id, $order_id, $token_id, $side, $price, $size, $fee, $status, $liquidity,
                $classification_source, $simulated, $match_ms, $updated_ms)
            ON CONFLICT(trade_id, order_id) DO UPDATE SET token_id = excluded.token_id, side = excluded.side,
                price = excluded.price, size = excluded.size, fee = excluded.fee, status = excluded.status,
                liquidity = excluded.liquidity, classification_source = excluded.classification_source,
                simulated = excluded.simulated, match_ms = excluded.match_ms, updated_ms = excluded.updated_ms
            """, "$trade_id", "$order_id", "$token_id", "$side", "$price", "$size", "$fee", "$status", "$liquidity",
            "$classification_source", "$simulated", "$match_ms", "$updated_ms");
        _upsertPosition = Prepare("""
            INSERT INTO positions VALUES ($token_id, $shares, $pending_shares, $cost_basis, $realized_pnl, $fees_paid,
                $fills, $updated_ms)
            ON CONFLICT(token_id) DO UPDATE SET shares = excluded.shares, pending_shares = excluded.pending_shares,
                cost_basis = excluded.cost_basis, realized_pnl = excluded.realized_pnl, fees_paid = excluded.fees_paid,
                fills = excluded.fills, updated_ms = excluded.updated_ms
            """, "$token_id", "$shares", "$pending_shares", "$cost_basis", "$realized_pnl", "$fees_paid", "$fills",
            "$updated_ms");
        _upsertReservation = Prepare("""
            INSERT INTO reservations VALUES ($scope, $market_id, $token_id, $amount, $updated_ms)
            ON CONFLICT(scope, market_id, token_id) DO UPDATE SET amount = excluded.amount, updated_ms = excluded.updated_ms
            """, "$scope", "$market_id", "$token_id", "$amount", "$updated_ms");
        _upsertMark = Prepare("""
            INSERT INTO marks VALUES ($token_id, $time_ms, $best_bid, $best_ask, $mid)
            ON CONFLICT(token_id, time_ms) DO UPDATE SET best_bid = excluded.best_bid, best_ask = excluded.best_ask,
                mid = excluded.mid
            """, "$token_id", "$time_ms", "$best_bid", "$best_ask", "$mid");
        _upsertRewardSample = Prepare("""
            INSERT INTO reward_samples VALUES ($market_id, $time_ms, $simulated, $duration_ms, $our_q_min, $total_q_min,
                $daily_pool)
            ON CONFLICT(market_id, time_ms, simulated) DO UPDATE SET duration_ms = excluded.duration_ms,
                our_q_min = excluded.our_q_min, total_q_min = excluded.total_q_min, daily_pool = excluded.daily_pool
            """, "$market_id", "$time_ms", "$simulated", "$duration_ms", "$our_q_min", "$total_q_min", "$daily_pool");
        _setMeta = Prepare(
            "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            "$key", "$value");
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The schema version of the open file (after migration, <see cref="StoreSchema.CurrentVersion"/>).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>The sequence of the last group committed (0 for a new store).</summary>
    public long LastGroupSequence { get; private set; }

    /// <summary>True when opened with <see cref="OpenReadOnly"/>: nothing is written, not even a migration.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>True when the file has the <c>marks</c> and <c>reward_samples</c> tables (schema version 2 and later).</summary>
    public bool HasMarks => SchemaVersion >= 2;

    /// <summary>
    /// Opens (or creates) the store: WAL mode, the configured synchronous level, an integrity check, then the
    /// migrations still missing. Throws <see cref="StoreCorruptedException"/> when the file fails the check or was
    /// written by a newer build.
    /// </summary>
    public static SqliteStore Open(string path, StoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new StoreOptions();
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = " + options.BusyTimeoutMs.ToString(CultureInfo.InvariantCulture));
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for '{path}' (journal_mode is '{mode}').");
            }

            Execute(connection, options.Synchronous == StoreSynchronous.Full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            Execute(connection, "PRAGMA foreign_keys = OFF");
            var check = QuickCheck(connection);
            if (check != "ok")
            {
                throw new StoreCorruptedException($"Store '{path}' failed PRAGMA quick_check: {check}");
            }

            var version = Migrate(connection, path);
            var store = new SqliteStore(connection, path) { SchemaVersion = version };
            store.LastGroupSequence = ReadMetaLong(connection, LastGroupKey);
            return store;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is NotADatabase or Corrupt)
        {
            connection.Dispose();
            throw new StoreCorruptedException($"Store '{path}' is not a readable SQLite database: {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing store for reading only (the truth report): no migration, no WAL switch, nothing written.
    /// Throws <see cref="FileNotFoundException"/> when the file does not exist, and <see cref="StoreCorruptedException"/>
    /// when it is not a SQLite database, is a SQLite database but not a FastMaker store, fails the integrity check, or
    /// was written by a newer build. An older store opens as it is (<see cref="HasMarks"/> says what it holds).
    /// </summary>
    public static SqliteStore OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Store '{path}' does not exist.", path);
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var check = QuickCheck(connection);
            if (check != "ok")
            {
                throw new StoreCorruptedException($"Store '{path}' failed PRAGMA quick_check: {check}");
            }

            if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'") != "1")
            {
                throw new StoreCorruptedException($"'{path}' is a SQLite database but not a FastMaker store: it has no meta table.");
            }

            var version = ReadMetaLong(connection, SchemaVersionKey);
            if (version < 1)
            {
                throw new StoreCorruptedException($"'{path}' is not a FastMaker store: its meta table has no schema_version.");
            }

            if (version > StoreSchema.CurrentVersion)
            {
                throw new StoreCorruptedException(
                    $"Store '{path}' has schema version {version}, newer than this build's {StoreSchema.CurrentVersion}: refusing to read it.");
            }

            var store = new SqliteStore(connection, path) { SchemaVersion = (int)version, IsReadOnly = true };
            store.LastGroupSequence = ReadMetaLong(connection, LastGroupKey);
            return store;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is NotADatabase or Corrupt)
        {
            connection.Dispose();
            throw new StoreCorruptedException($"'{path}' is not a readable SQLite database: {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <c>PRAGMA quick_check</c>: "ok", or the problems SQLite found.</summary>
    public string QuickCheck() => QuickCheck(_connection);

    /// <summary>
    /// Writes <paramref name="changes"/> (group ends are skipped) and records <paramref name="lastGroupSequence"/>, in
    /// one transaction: all of it is committed or none. Every write is an upsert of a whole row, so writing the same
    /// changes again leaves the same state.
    /// </summary>
    public void ApplyGroups(ReadOnlySpan<StoreChange> changes, long lastGroupSequence)
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"Store '{Path}' was opened read-only.");
        }

        using var transaction = _connection.BeginTransaction();
        SetTransaction(transaction);
        try
        {
            foreach (ref readonly var change in changes)
            {
                switch (change.Kind)
                {
                    case StoreChangeKind.Order:
                        WriteOrder(in change.Order);
                        break;
                    case StoreChangeKind.Fill:
                        WriteFill(in change.Fill);
                        break;
                    case StoreChangeKind.Position:
                        WritePosition(in change.Position);
                        break;
                    case StoreChangeKind.Reservation:
                        WriteReservation(in change.Reservation);
                        break;
                    case StoreChangeKind.Mark:
                        WriteMark(in change.Mark);
                        break;
                    case StoreChangeKind.RewardSample:
                        WriteRewardSample(in change.RewardSample);
                        break;
                    case StoreChangeKind.GroupEnd:
                        break;
                    default:
                        throw new ArgumentException($"A store change has kind {change.Kind}, which is not a record.", nameof(changes));
                }
            }

            if (lastGroupSequence > LastGroupSequence)
            {
                _setMeta.Parameters[0].Value = LastGroupKey;
                _setMeta.Parameters[1].Value = lastGroupSequence.ToString(CultureInfo.InvariantCulture);
                _setMeta.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            SetTransaction(null);
        }

        if (lastGroupSequence > LastGroupSequence)
        {
            LastGroupSequence = lastGroupSequence;
        }
    }

    /// <summary>Loads everything committed. Throws <see cref="StoreCorruptedException"/> on a value this build cannot read.</summary>
    public StoreSnapshot Load()
    {
        var orders = new List<StoredOrder>();
        using (var command = Command("SELECT * FROM orders ORDER BY order_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                orders.Add(new StoredOrder(
                    ReadHash(reader, 0), ReadToken(reader, 1), ReadHash(reader, 2), ReadEnum<Side>(reader, 3),
                    Price.FromRaw(checked((int)reader.GetInt64(4))), Quantity.FromRaw(reader.GetInt64(5)),
                    Quantity.FromRaw(reader.GetInt64(6)), Quantity.FromRaw(reader.GetInt64(7)),
                    ReadEnum<StoredOrderState>(reader, 8), ReadEnum<OrderOrigin>(reader, 9), reader.GetInt64(10) != 0,
                    ReadEnum<IntentTimeInForce>(reader, 11), reader.GetInt64(12), reader.GetInt64(13), reader.GetInt64(14),
                    reader.IsDBNull(15) ? null : ReadEnum<OrderStatusCode>(reader, 15),
                    reader.IsDBNull(16) ? Hash32.Zero : ReadHash(reader, 16)));
            }
        }

        var fills = new List<StoredFill>();
        using (var command = Command("SELECT * FROM fills ORDER BY trade_id, order_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                fills.Add(new StoredFill(
                    ReadGuid(reader, 0), ReadHash(reader, 1), ReadToken(reader, 2), ReadEnum<Side>(reader, 3),
                    Price.FromRaw(checked((int)reader.GetInt64(4))), Quantity.FromRaw(reader.GetInt64(5)),
                    Amount.FromRaw(reader.GetInt64(6)), ReadEnum<TradeStatusCode>(reader, 7),
                    ReadEnum<StoredLiquidity>(reader, 8), ReadEnum<StoredClassificationSource>(reader, 9),
                    reader.GetInt64(10) != 0, reader.GetInt64(11), reader.GetInt64(12)));
            }
        }

        var positions = new List<StoredPosition>();
        using (var command = Command("SELECT * FROM positions ORDER BY token_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                positions.Add(new StoredPosition(
                    ReadToken(reader, 0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(5), checked((int)reader.GetInt64(6)), reader.GetInt64(7)));
            }
        }

        var reservations = new List<StoredReservation>();
        using (var command = Command("SELECT * FROM reservations ORDER BY scope, market_id, token_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                reservations.Add(new StoredReservation(
                    ReadEnum<ReservationScope>(reader, 0), ReadHash(reader, 1), ReadToken(reader, 2), reader.GetInt64(3),
                    reader.GetInt64(4)));
            }
        }

        return new StoreSnapshot
        {
            Orders = orders,
            Fills = fills,
            Positions = positions,
            Reservations = reservations,
            LastGroupSequence = ReadMetaLong(_connection, LastGroupKey),
        };
    }

    /// <summary>Every mark, ordered by (token, time); empty for a store older than schema version 2.</summary>
    public List<StoredMark> LoadMarks()
    {
        var marks = new List<StoredMark>();
        if (!HasMarks)
        {
            return marks;
        }

        // Token ids are text, so order by time within each token here and let the reader group tokens.
        using var command = Command("SELECT * FROM marks ORDER BY token_id, time_ms");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            marks.Add(new StoredMark(
                ReadToken(reader, 0), reader.GetInt64(1), ReadPrice(reader, 2), ReadPrice(reader, 3), ReadPrice(reader, 4)));
        }

        return marks;
    }

    /// <summary>Every liquidity-reward sample, ordered by (market, time); empty for a store older than schema version 2.</summary>
    public List<StoredRewardSample> LoadRewardSamples()
    {
        var samples = new List<StoredRewardSample>();
        if (!HasMarks)
        {
            return samples;
        }

        using var command = Command("SELECT * FROM reward_samples ORDER BY market_id, time_ms, simulated");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            samples.Add(new StoredRewardSample(
                ReadHash(reader, 0), reader.GetInt64(1), reader.GetInt64(3), reader.GetDouble(4), reader.GetDouble(5),
                Amount.FromRaw(reader.GetInt64(6)), reader.GetInt64(2) != 0));
        }

        return samples;
    }

    /// <summary>Closes the file (the WAL is checkpointed by SQLite on the last close).</summary>
    public void Dispose()
    {
        _upsertOrder.Dispose();
        _upsertFill.Dispose();
        _upsertPosition.Dispose();
        _upsertReservation.Dispose();
        _upsertMark.Dispose();
        _upsertRewardSample.Dispose();
        _setMeta.Dispose();
        _connection.Dispose();
    }

    private void WriteOrder(in StoredOrder o)
    {
        var p = _upsertOrder.Parameters;
        p[0].Value = o.OrderId.ToString();
        p[1].Value = o.TokenId.ToString();
        p[2].Value = o.MarketId.ToString();
        p[3].Value = o.Side.ToString();
        p[4].Value = (long)o.Price.Raw;
        p[5].Value = o.OriginalSize.Raw;
        p[6].Value = o.FilledSize.Raw;
        p[7].Value = o.RemainingSize.Raw;
        p[8].Value = o.State.ToString();
        p[9].Value = o.Origin.ToString();
        p[10].Value = o.PostOnly ? 1L : 0L;
        p[11].Value = o.TimeInForce.ToString();
        p[12].Value = o.ExpirationSeconds;
        p[13].Value = o.CreatedMs;
        p[14].Value = o.UpdatedMs;
        p[15].Value = o.LastVenueStatus is { } status ? status.ToString() : DBNull.Value;
        p[16].Value = o.Replaces.IsZero ? DBNull.Value : o.Replaces.ToString();
        _upsertOrder.ExecuteNonQuery();
    }

    private void WriteFill(in StoredFill f)
    {
        var p = _upsertFill.Parameters;
        p[0].Value = f.TradeId.ToString("D");
        p[1].Value = f.OrderId.ToString();
        p[2].Value = f.TokenId.ToString();
        p[3].Value = f.Side.ToString();
        p[4].Value = (long)f.Price.Raw;
        p[5].Value = f.Size.Raw;
        p[6].Value = f.Fee.Raw;
        p[7].Value = f.Status.ToString();
        p[8].Value = f.Liquidity.ToString();
        p[9].Value = f.ClassificationSource.ToString();
        p[10].Value = f.Simulated ? 1L : 0L;
        p[11].Value = f.MatchMs;
        p[12].Value = f.UpdatedMs;
        _upsertFill.ExecuteNonQuery();
    }

    private void WritePosition(in StoredPosition s)
    {
        var p = _upsertPosition.Parameters;
        p[0].Value = s.TokenId.ToString();
        p[1].Value = s.Shares;
        p[2].Value = s.PendingShares;
        p[3].Value = s.CostBasis;
        p[4].Value = s.RealizedPnl;
        p[5].Value = s.FeesPaid;
        p[6].Value = (long)s.Fills;
        p[7].Value = s.UpdatedMs;
        _upsertPosition.ExecuteNonQuery();
    }

    private void WriteReservation(in StoredReservation r)
    {
        if (r.Scope is not (ReservationScope.MarketCollateral or ReservationScope.TokenShares))
        {
            throw new ArgumentException($"A reservation has scope {r.Scope}, which is not a known scope.");
        }

        var p = _upsertReservation.Parameters;
        p[0].Value = r.Scope.ToString();
        p[1].Value = r.MarketId.ToString();
        p[2].Value = r.TokenId.ToString();
        p[3].Value = r.Amount;
        p[4].Value = r.UpdatedMs;
        _upsertReservation.ExecuteNonQuery();
    }

    private void WriteMark(in StoredMark m)
    {
        var p = _upsertMark.Parameters;
        p[0].Value = m.TokenId.ToString();
        p[1].Value = m.TimeMs;
        p[2].Value = (long)m.BestBid.Raw;
        p[3].Value = (long)m.BestAsk.Raw;
        p[4].Value = (long)m.Mid.Raw;
        _upsertMark.ExecuteNonQuery();
    }

    private void WriteRewardSample(in StoredRewardSample r)
    {
        if (!double.IsFinite(r.OurQMin) || !double.IsFinite(r.TotalQMin) || r.OurQMin < 0 || r.TotalQMin < 0 || r.DurationMs < 0)
        {
            throw new ArgumentException(
                $"A reward sample of market {r.MarketId} at {r.TimeMs} has our_q_min {r.OurQMin}, total_q_min {r.TotalQMin}, duration {r.DurationMs} ms; all must be finite and non-negative.");
        }

        var p = _upsertRewardSample.Parameters;
        p[0].Value = r.MarketId.ToString();
        p[1].Value = r.TimeMs;
        p[2].Value = r.Simulated ? 1L : 0L;
        p[3].Value = r.DurationMs;
        p[4].Value = r.OurQMin;
        p[5].Value = r.TotalQMin;
        p[6].Value = r.DailyPool.Raw;
        _upsertRewardSample.ExecuteNonQuery();
    }

    private void SetTransaction(SqliteTransaction? transaction)
    {
        _upsertOrder.Transaction = transaction;
        _upsertFill.Transaction = transaction;
        _upsertPosition.Transaction = transaction;
        _upsertReservation.Transaction = transaction;
        _upsertMark.Transaction = transaction;
        _upsertRewardSample.Transaction = transaction;
        _setMeta.Transaction = transaction;
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static int Migrate(SqliteConnection connection, string path)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) STRICT");
        var version = (int)ReadMetaLong(connection, SchemaVersionKey);
        if (version > StoreSchema.CurrentVersion)
        {
            throw new StoreCorruptedException(
                $"Store '{path}' has schema version {version}, newer than this build's {StoreSchema.CurrentVersion}: refusing to open it.");
        }

        while (version < StoreSchema.CurrentVersion)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var sql in StoreSchema.Migrations[version])
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }

            version++;
            using (var meta = connection.CreateCommand())
            {
                meta.Transaction = transaction;
                meta.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
                meta.Parameters.AddWithValue("$key", SchemaVersionKey);
                meta.Parameters.AddWithValue("$value", version.ToString(CultureInfo.InvariantCulture));
                meta.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return version;
    }

    private static long ReadMetaLong(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        var value = command.ExecuteScalar() as string;
        if (value is null)
        {
            return 0;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result))
        {
            throw new StoreCorruptedException($"Store meta '{key}' holds '{value}', which is not a non-negative integer.");
        }

        return result;
    }

    private static string QuickCheck(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return lines.Count == 1 ? lines[0] : string.Join("; ", lines);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private static Hash32 ReadHash(SqliteDataReader reader, int column)
    {
        var text = reader.GetString(column);
        return Hash32.TryParse(text.AsSpan(), out var value)
            ? value
            : throw CorruptValue(reader, column, text, "a 0x-prefixed 32-byte hex hash");
    }

    private static UInt256 ReadToken(SqliteDataReader reader, int column)
    {
        var text = reader.GetString(column);
        return UInt256.TryParse(text.AsSpan(), out var value)
            ? value
            : throw CorruptValue(reader, column, text, "a decimal token id");
    }

    private static Price ReadPrice(SqliteDataReader reader, int column)
    {
        var raw = reader.GetInt64(column);
        return raw is >= int.MinValue and <= int.MaxValue
            ? Price.FromRaw((int)raw)
            : throw CorruptValue(reader, column, raw.ToString(CultureInfo.InvariantCulture), "a raw price");
    }

    private static Guid ReadGuid(SqliteDataReader reader, int column)
    {
        var text = reader.GetString(column);
        return Guid.TryParseExact(text, "D", out var value) ? value : throw CorruptValue(reader, column, text, "a trade id GUID");
    }

    private static TEnum ReadEnum<TEnum>(SqliteDataReader reader, int column)
        where TEnum : struct, Enum
    {
        var text = reader.GetString(column);
        return Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0])
            ? value
            : throw CorruptValue(reader, column, text, "a " + typeof(TEnum).Name + " name");
    }

    private static StoreCorruptedException CorruptValue(SqliteDataReader reader, int column, string text, string expected) =>
        new($"Store column '{reader.GetName(column)}' holds '{text}', which is not {expected}.");
}

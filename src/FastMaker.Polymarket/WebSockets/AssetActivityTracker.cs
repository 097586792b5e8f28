using System.Text;

namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// Per-asset last-message times for the silence watchdog. The receive loop scans each received
/// chunk for <c>"asset_id":"&lt;digits&gt;"</c> (vectorized IndexOf, no allocation) and stamps the
/// asset; the watchdog tick reads the stamps. The table is rebuilt (cold) on subscription changes
/// and published by reference, so the receive loop never takes a lock.
/// </summary>
internal sealed class AssetActivityTracker
{
    private const int CarryLength = 128;
    private static ReadOnlySpan<byte> Key => "\"asset_id\""u8;

    private readonly TimeProvider _time;
    private readonly byte[] _scratch = new byte[2 * CarryLength];
    private int _carryLength;
    private Table _table;

    public AssetActivityTracker(TimeProvider time)
    {
        _time = time;
        _table = new Table(Array.Empty<string>(), null, 0);
    }

    /// <summary>Publishes a new table for <paramref name="ids"/>, keeping the stamps of assets that stay.</summary>
    public void Rebuild(IReadOnlyList<string> ids, long now)
    {
        // Volatile: the receive loop must see a fully built table.
        Volatile.Write(ref _table, new Table(ids, Volatile.Read(ref _table), now));
    }

    /// <summary>A new session starts every asset's silence clock afresh (the venue sends new books).</summary>
    public void ResetAll(long now)
    {
        Table table = Volatile.Read(ref _table);
        for (int i = 0; i < table.LastSeen.Length; i++)
        {
            Volatile.Write(ref table.LastSeen[i], now);
            table.StaleMarkedAt[i] = 0;
        }
        _carryLength = 0;
    }

    /// <summary>Receive loop only: stamps every asset named in this chunk of a message.</summary>
    public void OnChunk(ReadOnlySpan<byte> chunk, bool endOfMessage, long now)
    {
        Table table = Volatile.Read(ref _table);
        if (table.Ids.Length == 0) return;
        if (_carryLength > 0)
        {
            // A key split across two receives is found in the joined tail + head.
            int head = Math.Min(CarryLength, chunk.Length);
            chunk.Slice(0, head).CopyTo(_scratch.AsSpan(_carryLength));
            int joined = _carryLength + head;
            Scan(table, _scratch.AsSpan(0, joined), now);
            if (!endOfMessage && chunk.Length <= CarryLength)
            {
                int keep = Math.Min(CarryLength, joined);
                _scratch.AsSpan(joined - keep, keep).CopyTo(_scratch);
                _carryLength = keep;
                return;
            }
        }
        Scan(table, chunk, now);
        if (endOfMessage)
        {
            _carryLength = 0;
        }
        else
        {
            int keep = Math.Min(CarryLength, chunk.Length);
            chunk.Slice(chunk.Length - keep).CopyTo(_scratch);
            _carryLength = keep;
        }
    }

    /// <summary>Watchdog tick only: the assets silent for at least <paramref name="timeout"/>, each reported again after every further timeout.</summary>
    public List<string>? CollectStale(long now, TimeSpan timeout)
    {
        Table table = Volatile.Read(ref _table);
        List<string>? stale = null;
        for (int i = 0; i < table.Ids.Length; i++)
        {
            long reference = Math.Max(Volatile.Read(ref table.LastSeen[i]), table.StaleMarkedAt[i]);
            if (_time.GetElapsedTime(reference, now) >= timeout)
            {
                table.StaleMarkedAt[i] = now;
                (stale ??= new List<string>()).Add(table.Ids[i]);
            }
        }
        return stale;
    }

    /// <summary>The last time a message named <paramref name="assetId"/>, or null when it is not tracked.</summary>
    public long? LastSeen(string assetId)
    {
        Table table = Volatile.Read(ref _table);
        int slot = table.Find(Encoding.ASCII.GetBytes(assetId));
        return slot < 0 ? null : Volatile.Read(ref table.LastSeen[slot]);
    }

    private static void Scan(Table table, ReadOnlySpan<byte> span, long now)
    {
        while (true)
        {
            int at = span.IndexOf(Key);
            if (at < 0) return;
            span = span.Slice(at + Key.Length);
            int i = SkipSpaces(span, 0);
            if (i >= span.Length || span[i] != (byte)':') continue;
            i = SkipSpaces(span, i + 1);
            if (i >= span.Length || span[i] != (byte)'"') continue;
            ReadOnlySpan<byte> rest = span.Slice(i + 1);
            int close = rest.IndexOf((byte)'"');
            if (close <= 0 || close > 80) continue;
            int slot = table.Find(rest.Slice(0, close));
            // Volatile: the watchdog reads this stamp from its timer thread.
            if (slot >= 0) Volatile.Write(ref table.LastSeen[slot], now);
            span = rest.Slice(close);
        }
    }

    private static int SkipSpaces(ReadOnlySpan<byte> span, int i)
    {
        while (i < span.Length && (span[i] == (byte)' ' || span[i] == (byte)'\t' || span[i] == (byte)'\r' || span[i] == (byte)'\n')) i++;
        return i;
    }

    private sealed class Table
    {
        public readonly string[] Ids;
        public readonly byte[][] Utf8;
        public readonly long[] LastSeen;
        public readonly long[] StaleMarkedAt;
        private readonly Dictionary<ulong, int> _byHash;

        public Table(IReadOnlyList<string> ids, Table? previous, long now)
        {
            Ids = new string[ids.Count];
            Utf8 = new byte[ids.Count][];
            LastSeen = new long[ids.Count];
            StaleMarkedAt = new long[ids.Count];
            _byHash = new Dictionary<ulong, int>(ids.Count);
            for (int i = 0; i < ids.Count; i++)
            {
                Ids[i] = ids[i];
                Utf8[i] = Encoding.ASCII.GetBytes(ids[i]);
                _byHash[Hash(Utf8[i])] = i;
                int old = previous?.Find(Utf8[i]) ?? -1;
                LastSeen[i] = old >= 0 ? Volatile.Read(ref previous!.LastSeen[old]) : now;
                StaleMarkedAt[i] = old >= 0 ? previous!.StaleMarkedAt[old] : 0;
            }
        }

        public int Find(ReadOnlySpan<byte> id)
        {
            // The hash narrows to one slot; the byte compare rules out a collision.
            return _byHash.TryGetValue(Hash(id), out int slot) && Utf8[slot].AsSpan().SequenceEqual(id) ? slot : -1;
        }

        private static ulong Hash(ReadOnlySpan<byte> bytes)
        {
            ulong h = 14695981039346656037UL;
            foreach (byte b in bytes)
            {
                h ^= b;
                h *= 1099511628211UL;
            }
            return h;
        }
    }
}

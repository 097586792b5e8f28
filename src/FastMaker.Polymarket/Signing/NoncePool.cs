using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Fn = FastMaker.Polymarket.Signing.Mont<FastMaker.Polymarket.Signing.ScalarModulus>;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// A pool of ECDSA nonces precomputed from a CSPRNG (k, R = kG, r, k^-1) so that the hot path signs with two
/// modular multiplications. Single consumer: exactly one thread (the sign stage) may take nonces; production is
/// done by an optional background refill thread and/or <see cref="Fill"/>. Each nonce is handed out once and its
/// slot zeroed as it is taken. Nonces do not depend on the key, so one pool can serve several signers on that
/// one thread.
/// </summary>
public sealed class NoncePool : IDisposable
{
    private readonly PrecomputedNonce[] _slots;
    private readonly int _mask;
    private readonly int _lowWatermark;
    private readonly object _produceLock = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Thread? _refillThread;
    private PaddedCounter _head;   // next slot the producer writes; published after the slot is written
    private PaddedCounter _tail;   // next slot the consumer reads
    private long _produced;
    private long _rejectedCandidates;
    private volatile bool _disposed;

    /// <summary>Creates a pool.</summary>
    /// <param name="capacity">Slots, a power of two (default 1024; about 150 us of background work per nonce).</param>
    /// <param name="startRefillThread">Start a below-normal-priority thread that tops the pool up whenever it falls
    /// to half; false for tests and tools that call <see cref="Fill"/> themselves.</param>
    public NoncePool(int capacity = 1024, bool startRefillThread = true)
    {
        if (capacity < 2 || (capacity & (capacity - 1)) != 0)
            SigningThrowHelper.ThrowArgumentOutOfRange("capacity must be a power of 2 and at least 2.", nameof(capacity));
        // Pinned so the GC never leaves copies of nonce material behind when it compacts.
        _slots = GC.AllocateArray<PrecomputedNonce>(capacity, pinned: true);
        _mask = capacity - 1;
        _lowWatermark = capacity / 2;
        if (startRefillThread)
        {
            _refillThread = new Thread(RefillLoop)
            {
                IsBackground = true,
                Name = "fastmaker-nonce-refill",
                Priority = ThreadPriority.BelowNormal,
            };
            _refillThread.Start();
        }
    }

    /// <summary>Number of slots.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Nonces ready to use now.</summary>
    public int Available => (int)(Volatile.Read(ref _head.Value) - Volatile.Read(ref _tail.Value));

    /// <summary>Nonces produced since creation.</summary>
    public long Produced => Interlocked.Read(ref _produced);

    /// <summary>Nonces handed out since creation.</summary>
    public long Taken => Volatile.Read(ref _tail.Value);

    /// <summary>Random candidates discarded (k out of range, or R.x &gt;= n); expected to stay 0.</summary>
    public long RejectedCandidates => Interlocked.Read(ref _rejectedCandidates);

    /// <summary>True while the background refill thread runs.</summary>
    public bool IsRefillThreadRunning => _refillThread is { IsAlive: true };

    /// <summary>Synchronously produces nonces until the pool is full or <paramref name="maxCount"/> were added.
    /// Returns how many were added.</summary>
    public int Fill(int maxCount = int.MaxValue)
    {
        int added = 0;
        while (added < maxCount && !_disposed && TryProduceOne()) added++;
        return added;
    }

    /// <summary>Takes one nonce (consumer thread only). The slot is wiped before it is released to the producer.</summary>
    internal bool TryTake(out PrecomputedNonce nonce)
    {
        long tail = _tail.Value;
        // Acquire: the slot contents written before the producer's release of _head are visible.
        long head = Volatile.Read(ref _head.Value);
        if (tail == head || _disposed)
        {
            nonce = default;
            return false;
        }
        ref PrecomputedNonce slot = ref _slots[(int)tail & _mask];
        nonce = slot;
        slot.Wipe();
        // Release: the wipe happens before the producer may reuse the slot.
        Volatile.Write(ref _tail.Value, tail + 1);
        if (head - tail - 1 == _lowWatermark && _refillThread is not null) _wake.Set();
        return true;
    }

    private bool TryProduceOne()
    {
        lock (_produceLock)
        {
            long head = _head.Value;
            // Acquire: see the consumer's wipe before overwriting the slot.
            if (head - Volatile.Read(ref _tail.Value) >= _slots.Length) return false;
            PrecomputedNonce nonce = default;
            Span<byte> random = stackalloc byte[32];
            while (true)
            {
                RandomNumberGenerator.Fill(random);
                U256 k = U256.FromBigEndian(random);
                bool inRange = !k.IsZero && Fn.IsReduced(k);
                bool ok = inRange && Secp256k1.TryPrepareNonce(k, out nonce);
                k.Wipe();
                if (ok) break;
                Interlocked.Increment(ref _rejectedCandidates);
            }
            CryptographicOperations.ZeroMemory(random);
            _slots[(int)head & _mask] = nonce;
            nonce.Wipe();
            // Release: publish the slot contents before the new head.
            Volatile.Write(ref _head.Value, head + 1);
            Interlocked.Increment(ref _produced);
            return true;
        }
    }

    private void RefillLoop()
    {
        while (!_disposed)
        {
            while (!_disposed && TryProduceOne())
            {
            }
            // Woken by the consumer at the low watermark, by Dispose, or by the timeout as a safety net.
            _wake.WaitOne(100);
        }
    }

    /// <summary>Stops the refill thread, waits for it, and wipes every slot.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _wake.Set();
        _refillThread?.Join();
        lock (_produceLock)
        {
            for (int i = 0; i < _slots.Length; i++) _slots[i].Wipe();
        }
        _wake.Dispose();
    }

    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedCounter
    {
        // Own cache line (with the adjacent-line prefetcher's neighbour) so producer and consumer do not false-share.
        [FieldOffset(64)] public long Value;
    }
}

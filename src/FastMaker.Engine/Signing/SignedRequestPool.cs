using FastMaker.Ring;

namespace FastMaker.Engine.Signing;

/// <summary>
/// Preallocated <see cref="SignedRequest"/> objects with their body buffers, on a lock-free MPSC free list: the engine
/// thread rents (the single consumer), the sender returns from any thread. When the pool is empty a new request is
/// allocated and counted (<see cref="Overflows"/>), so a slow sender shows up as a number, never as a lost order.
/// </summary>
public sealed class SignedRequestPool
{
    private readonly MpscQueue<SignedRequest> _free;
    private long _overflows;

    /// <summary>Creates a pool of <paramref name="capacity"/> requests (a power of 2, at least 2).</summary>
    public SignedRequestPool(int capacity = 256)
    {
        _free = new MpscQueue<SignedRequest>(capacity);
        for (int i = 0; i < capacity; i++) _free.TryEnqueue(new SignedRequest());
    }

    /// <summary>Requests allocated because the pool was empty.</summary>
    public long Overflows => Volatile.Read(ref _overflows);

    /// <summary>Requests currently in the pool (approximate while the sender returns).</summary>
    public int Available => _free.Count;

    /// <summary>Takes a request (engine thread only).</summary>
    public SignedRequest Rent()
    {
        if (!_free.TryDequeue(out SignedRequest r))
        {
            // Read by monitoring threads; written by the engine thread only.
            Volatile.Write(ref _overflows, _overflows + 1);
            r = new SignedRequest();
        }

        r.Rented = 1;
        return r;
    }

    /// <summary>Gives a sent request back (any thread); returning one twice is ignored.</summary>
    public void Return(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Exchange: two threads returning the same request must not both enqueue it.
        if (Interlocked.Exchange(ref request.Rented, 0) == 0) return;
        request.HasL2Signature = false;
        request.BodyLength = 0;
        _free.TryEnqueue(request); // full only after overflows: the extra request goes to the GC
    }
}

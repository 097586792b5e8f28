using System.Runtime.CompilerServices;
using FastMaker.Ring;

namespace FastMaker.Engine.Pipeline;

/// <summary>
/// The live <see cref="IInboundTarget"/>: claims a slot of the inbound ring, lets the translator fill it, publishes it.
/// Used only by the ingress thread (the ring's single producer). When the ring is full the claim waits for the
/// engine (back-pressure) and gives up only when the pipeline is stopping because the engine failed.
/// </summary>
public struct RingInboundTarget : IInboundTarget
{
    private readonly RingBuffer<InboundEvent> _ring;
    private readonly IngressStopSignal _abort;
    private long _claimed;

    /// <summary>Creates a target over <paramref name="ring"/>; <paramref name="abort"/> breaks a wait on a full ring.</summary>
    public RingInboundTarget(RingBuffer<InboundEvent> ring, IngressStopSignal abort)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(abort);
        _ring = ring;
        _abort = abort;
        _claimed = -1;
    }

    /// <summary>Times a claim found the ring full and had to wait for the engine.</summary>
    public long FullRingWaits { get; private set; }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref InboundEvent Claim()
    {
        if (!_ring.TryNext(out _claimed))
        {
            _claimed = WaitForSlot();
        }

        return ref _ring[_claimed];
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Commit() => _ring.Publish(_claimed);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long WaitForSlot()
    {
        FullRingWaits++;
        var spinner = new SpinWait();
        long sequence;
        while (!_ring.TryNext(out sequence))
        {
            if (_abort.IsAborted)
            {
                ThrowHelper.ThrowEngineStopped();
            }

            // SpinWait yields and then sleeps: a full ring means the engine is the bottleneck, so give it the core.
            spinner.SpinOnce(sleep1Threshold: 30);
        }

        return sequence;
    }
}

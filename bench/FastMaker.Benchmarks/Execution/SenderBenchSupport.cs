using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Time;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.Execution;

/// <summary>Stubs shared by the sender benchmarks: a risk that allows all, one known order, sinks that capture or count.</summary>
internal static class SenderBenchSupport
{
    public static ExecutionGate Gate(MarketRegistry registry, SignStage stage, ISignedRequestSink sink, IOrderLookup orders)
    {
        var budget = new MutationBudget(MutationBudgetOptions.Production with { MarketCooldownMs = 0, MaxMutationsPerMinute = 1_000_000 });
        var gate = new ExecutionGate(registry, new AllowAll(), orders, budget, stage, sink);
        gate.SetMarketState(0, MarketState.Active);
        return gate;
    }

    internal sealed class AllowAll : IPreTradeRisk
    {
        public bool KillSwitchOn => false;

        public GateRejectReason Check(in OrderIntent intent) => GateRejectReason.None;

        public void Reserve(in OrderIntent intent, in Hash32 orderId)
        {
        }
    }

    internal sealed class Orders : IOrderLookup
    {
        public Dictionary<Hash32, LiveOrderView> Live { get; } = new();

        public bool TryGetLive(in Hash32 orderId, out LiveOrderView order) => Live.TryGetValue(orderId, out order);
    }

    /// <summary>Keeps the last request the gate produced.</summary>
    internal sealed class Capture : ISignedRequestSink
    {
        public SignedRequest? Last { get; private set; }

        public void Publish(SignedRequest request) => Last = request;
    }

    /// <summary>Counts replies and wakes a waiter on each order reply.</summary>
    internal sealed class Replies : IControlSink
    {
        public SemaphoreSlim Arrived { get; } = new(0);
        public long OrderReplies;
        public long NotAccepted;

        public bool EnqueueControl(in ControlItem item)
        {
            if (item.Cold is OrderReply reply)
            {
                Interlocked.Increment(ref OrderReplies);
                if (reply.Kind is not (OrderReplyKind.PostAccepted or OrderReplyKind.CancelConfirmed)) Interlocked.Increment(ref NotAccepted);
                Arrived.Release();
            }

            return true;
        }
    }
}

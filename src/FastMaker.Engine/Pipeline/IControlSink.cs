namespace FastMaker.Engine.Pipeline;

/// <summary>Accepts control items from any thread (the ingress's control queue).</summary>
public interface IControlSink
{
    /// <summary>Queues an item; false when the queue is full and the item was dropped.</summary>
    bool EnqueueControl(in ControlItem item);
}

using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Hosting;

/// <summary>Calls several <see cref="IEngineObserver"/>s in order (the store feed first, then the summary).</summary>
public sealed class ObserverChain : IEngineObserver
{
    private readonly IEngineObserver[] _observers;

    /// <summary>Chains <paramref name="observers"/> (nulls skipped).</summary>
    public ObserverChain(params IEngineObserver?[] observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        var list = new List<IEngineObserver>(observers.Length);
        foreach (var o in observers)
        {
            if (o is not null)
            {
                list.Add(o);
            }
        }

        _observers = [.. list];
    }

    /// <inheritdoc />
    public void AfterEvent(EngineCore engine, ref InboundEvent e)
    {
        foreach (var observer in _observers)
        {
            observer.AfterEvent(engine, ref e);
        }
    }
}

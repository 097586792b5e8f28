namespace FastMaker.Ring;

/// <summary>
/// A set of stages of a <see cref="Disruptor{T}"/>, used to wire what runs after them:
/// <c>a.Then(b)</c> makes b wait on a; <c>a.And(b).Then(c)</c> makes c wait on both.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class EventHandlerGroup<T> where T : struct
{
    private readonly Disruptor<T> _disruptor;
    private readonly Stage[] _stages;

    internal EventHandlerGroup(Disruptor<T> disruptor, Stage[] stages)
    {
        _disruptor = disruptor;
        _stages = stages;
    }

    internal Stage[] Stages => _stages;

    /// <summary>The sequences of the stages in this group.</summary>
    public Sequence[] Sequences
    {
        get
        {
            var sequences = new Sequence[_stages.Length];
            for (int i = 0; i < _stages.Length; i++)
                sequences[i] = _stages[i].Processor.Sequence;
            return sequences;
        }
    }

    /// <summary>Adds a stage that handles each event only after every stage of this group has.</summary>
    public EventHandlerGroup<T> Then<THandler>(THandler handler, StageOptions<T>? options = null)
        where THandler : struct, IEventHandler<T>
        => _disruptor.AddStage(_stages, handler, options);

    /// <summary>The union of this group and <paramref name="other"/>, to wire a stage after both.</summary>
    public EventHandlerGroup<T> And(EventHandlerGroup<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(other._disruptor, _disruptor))
            throw new ArgumentException("Cannot join stages of two different disruptors.", nameof(other));
        var stages = new Stage[_stages.Length + other._stages.Length];
        _stages.CopyTo(stages, 0);
        other._stages.CopyTo(stages, _stages.Length);
        return new EventHandlerGroup<T>(_disruptor, stages);
    }
}

using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Tests.Registry;

/// <summary>Keeps every log line, so tests can count them.</summary>
internal sealed class ListLogger : ILogger
{
    public List<(LogLevel Level, string Message)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add((logLevel, formatter(state, exception)));

    public int Count(string containing)
    {
        var n = 0;
        foreach (var (_, message) in Lines)
        {
            if (message.Contains(containing, StringComparison.Ordinal))
            {
                n++;
            }
        }

        return n;
    }
}

using System.Diagnostics;
using System.Text;

namespace FastMaker.Soak.Tests;

/// <summary>One <c>fastmaker live</c> child process (a separate OS process, so SIGKILL really kills the engine).</summary>
internal sealed class LiveProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveProcess(Process process) => _process = process;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Completes when the engine printed its started line.</summary>
    public Task Started => _started.Task;

    /// <summary>Everything it printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The exit code (after exit).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet fastmaker.dll live ARGS</c>; no private key variable is inherited.</summary>
    public static LiveProcess Start(IEnumerable<string> liveArguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "fastmaker.dll");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException("the CLI was not copied next to the tests", cli);
        }

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(cli);
        info.ArgumentList.Add("live");
        foreach (var a in liveArguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("FASTMAKER_PRIVATE_KEY");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var live = new LiveProcess(process);
        process.OutputDataReceived += (_, e) => live.Append(e.Data);
        process.ErrorDataReceived += (_, e) => live.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return live;
    }

    /// <summary>SIGKILL: no handler runs, nothing is flushed.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>Waits for the exit, or kills after <paramref name="timeout"/> and fails.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException("fastmaker live did not exit within " + timeout + ":\n" + Output);
        }

        // The asynchronous readers may still hold the last lines.
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("live: started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}

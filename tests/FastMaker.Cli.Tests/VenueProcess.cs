using System.Diagnostics;
using System.Text;

namespace FastMaker.Cli.Tests;

/// <summary>One <c>fastmaker venue</c> child process: its own OS process, so SIGTERM reaches its real signal handling.</summary>
internal sealed class VenueProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private VenueProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public string? ClobUrl { get; private set; }
    public string? WsUrl { get; private set; }
    public string? GammaUrl { get; private set; }
    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<VenueProcess> StartAsync(params string[] venueArguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "fastmaker.dll");
        Assert.True(File.Exists(cli), "the CLI was not copied next to the tests: " + cli);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(cli);
        info.ArgumentList.Add("venue");
        foreach (var a in venueArguments) info.ArgumentList.Add(a);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var venue = new VenueProcess(process);
        process.OutputDataReceived += (_, e) => venue.Append(e.Data);
        process.ErrorDataReceived += (_, e) => venue.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A cold start under a loaded machine can take a while (JIT, Kestrel); no timing is asserted.
        var done = await Task.WhenAny(venue._ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (done != venue._ready.Task)
        {
            venue.Dispose();
            Assert.Fail("the venue printed no service lines:\n" + venue.Output);
        }
        return venue;
    }

    /// <summary>Sends SIGTERM with kill(1), what a supervisor sends (.NET's Process.Kill sends SIGKILL).</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        _process.WaitForExit(); // drains the asynchronous readers
        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.StartsWith("clob ", StringComparison.Ordinal)) ClobUrl = line[5..];
        else if (line.StartsWith("ws ", StringComparison.Ordinal)) WsUrl = line[3..];
        else if (line.StartsWith("gamma ", StringComparison.Ordinal))
        {
            GammaUrl = line[6..];
            _ready.TrySetResult();
        }
    }
}

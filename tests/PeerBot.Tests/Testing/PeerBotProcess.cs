using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PeerBot.Tests.Testing;

/// <summary>
/// PeerBot as a real process on a loopback port, for clients that need a socket (a browser, Node). It runs the
/// built PeerBot.dll beside the tests with its own SQLite file; output is captured for assertions.
/// </summary>
public sealed class PeerBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly System.Text.StringBuilder _output = new();

    private PeerBotProcess(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The process's SQLite file.</summary>
    public string DatabasePath => Path.Combine(_folder, "peerbot.db");

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<PeerBotProcess> StartAsync(IDictionary<string, string>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "peerbot-proc", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PeerBot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__PeerBot"] = $"Data Source={Path.Combine(folder, "peerbot.db")}";
        start.Environment["PeerBot__WarmUp__Enabled"] = "false"; // seconds per start; WarmUpTests turns it on
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = Process.Start(start)!;
        var running = new PeerBotProcess(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = running.BaseAddress };
        var deadline = Environment.TickCount64 + 60_000;
        while (Environment.TickCount64 < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException("PeerBot exited at start-up:\n" + running.Output);
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return running;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        await running.DisposeAsync();
        throw new TimeoutException("PeerBot did not answer /healthz within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

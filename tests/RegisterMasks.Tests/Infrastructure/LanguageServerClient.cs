using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// A minimal LSP client over a server's standard streams: JSON-RPC 2.0 with Content-Length framing,
/// requests with timeouts, and answers to what the server asks of the client (its configuration,
/// capability registrations, progress tokens). Enough to drive a real editor's language server.
/// </summary>
internal sealed class LanguageServerClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _toServer;
    private readonly Stream _fromServer;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Func<string, JsonNode?, JsonNode?> _answer;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly StringBuilder _log = new();
    private int _nextId;

    /// <param name="answer">What the client answers to a server's request, by method and parameters.</param>
    public LanguageServerClient(ProcessStartInfo start, Func<string, JsonNode?, JsonNode?> answer)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        _answer = answer;
        _process = Process.Start(start) ?? throw new InvalidOperationException("The language server did not start");
        _toServer = _process.StandardInput.BaseStream;
        _fromServer = _process.StandardOutput.BaseStream;
        _process.ErrorDataReceived += (_, line) => Log("stderr: " + line.Data);
        _process.BeginErrorReadLine();
        _ = Task.Run(ReadLoop);
    }

    /// <summary>What the server logged and sent, for a failure message.</summary>
    public string Transcript
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 20_000 ? "..." + text[^20_000..] : text;
            }
        }
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(response.Task, Task.Delay(timeout));
        if (finished != response.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"{method} got no answer in {timeout.TotalSeconds} s. Transcript:\n{Transcript}");
        }
        return await response.Task;
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task SendAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writing.WaitAsync();
        try
        {
            await _toServer.WriteAsync(header);
            await _toServer.WriteAsync(body);
            await _toServer.FlushAsync();
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ReadLoop()
    {
        try
        {
            while (await ReadMessageAsync() is { } message)
            {
                await DispatchAsync(message);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or JsonException)
        {
            Log("reader stopped: " + exception.Message);
        }
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException("The language server closed its output. Transcript:\n" + Transcript));
        }
    }

    private async Task DispatchAsync(JsonNode message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var response))
            {
                if (message["error"] is { } error)
                {
                    response.TrySetException(new InvalidOperationException("The server answered with an error: " + error.ToJsonString()));
                }
                else
                {
                    response.TrySetResult(message["result"]?.DeepClone());
                }
            }
            return;
        }
        if (method == "window/logMessage" || method == "window/showMessage")
        {
            Log(method + ": " + message["params"]?["message"]);
        }
        if (id is not null)
        {
            // A request from the server: every one gets an answer, or the server may wait forever.
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = _answer(method!, message["params"]) });
        }
    }

    private async Task<JsonNode?> ReadMessageAsync()
    {
        var length = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync();
            if (line is null)
            {
                return null;
            }
            if (line.Length == 0)
            {
                break;
            }
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        var body = new byte[length];
        await _fromServer.ReadExactlyAsync(body);
        return JsonNode.Parse(body);
    }

    private async Task<string?> ReadHeaderLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await _fromServer.ReadAsync(one) == 0)
            {
                return null;
            }
            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }
            bytes.Add(one[0]);
        }
    }

    private void Log(string line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
        _process.Dispose();
    }
}

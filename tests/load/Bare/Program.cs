// The load suite's baseline: bare Kestrel answering every request with the bytes of one file, from memory, with the
// content type the API sends. Usage: dotnet Bare.dll <body-file> --urls http://127.0.0.1:5183
var body = await File.ReadAllBytesAsync(args[0]);
var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(async context =>
{
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = body.Length;
    await context.Response.BodyWriter.WriteAsync(body, context.RequestAborted);
});
await app.RunAsync();

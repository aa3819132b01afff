FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# ReadyToRun (code compiled ahead of time for the API and its packages) for a faster start; the build stage runs on the
# image's platform, so the current runtime is the one the image runs.
RUN dotnet publish src/Q7x2.Api -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /srv
COPY --from=build /app /app
COPY seed /srv/seed
# The image's unprivileged "app" user (APP_UID) owns only the data folder; a new named volume mounted there inherits that.
RUN mkdir -p /srv/data && chown "$APP_UID" /srv/data
USER $APP_UID
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ConnectionStrings__Sqlite="Data Source=/srv/data/q7x2.db" \
    Seed__Path=/srv/seed
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/Q7x2.Api.dll"]

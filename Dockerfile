# syntax=docker/dockerfile:1
# CJP Portal container image: built with the .NET 10 SDK (plus Node.js, which the web project's build
# uses to copy the Scottish Government Design System from npm). The published portal is self-contained
# (it carries its own .NET and ASP.NET Core runtime), so it runs on the runtime-deps image.
#
#   docker build -t cjp-portal .
#   docker run --rm -e ConnectionStrings__Default='Host=...;Database=cjp' cjp-portal migrate   # migrate + seed, then exit
#   docker run --rm -p 5080:8080 -e ConnectionStrings__Default='Host=...;Database=cjp' cjp-portal
#
# docker-compose.yml wires this up with PostgreSQL 15 and a mail catcher.

FROM node:20-bookworm-slim AS node

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
    && node --version && npm --version
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /src

# Restore first, so the package layer is reused while only source files change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/CjpPortal.Core/CjpPortal.Core.csproj src/CjpPortal.Core/packages.lock.json src/CjpPortal.Core/
COPY src/CjpPortal.Web/CjpPortal.Web.csproj src/CjpPortal.Web/packages.lock.json src/CjpPortal.Web/
RUN dotnet restore src/CjpPortal.Web/CjpPortal.Web.csproj --locked-mode

COPY src/ src/
# The published build (see "Published build" in README.md): self-contained for linux-x64, the portal and the runtime
# compiled together as one composite ReadyToRun image (CjpPortal.Web.csproj), with the compiled EF model that is in
# the source (src/CjpPortal.Core/Database/CompiledModel); x64 only. Compiling the runtime takes a few minutes.
RUN dotnet publish src/CjpPortal.Web/CjpPortal.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Plain HTTP on 8080 behind a TLS-terminating proxy (set Portal__DisableHttpsRedirection=true when
# nothing in front of the container speaks HTTPS, as in docker-compose.yml). Production needs
# Portal__BaseUrl (the public address, e.g. https://cjp.example.org) to start, and Portal__KnownProxies
# or Portal__KnownNetworks for the proxy's X-Forwarded-For/-Proto headers to be believed (see README.md).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The non-root user that the .NET images provide.
USER $APP_UID
ENTRYPOINT ["./CjpPortal.Web"]

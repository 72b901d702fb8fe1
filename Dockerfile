# Dockerfile -- dyad serve on a mounted database, in Debian slim.
#   docker build -t dyad .
#   docker run --rm -p 8080:8080 -v "$PWD:/data" dyad            # serves /data/dyad.db
#   docker run --rm -v "$PWD:/data" dyad ingest --db /data/dyad.db /data/articles.jsonl
# The first stage builds and installs Dyad under /opt/dyad (binary, data,
# dashboard); the second holds that and the run-time libraries only.
FROM debian:bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
        build-essential pkg-config ca-certificates git nodejs npm \
        libsqlite3-dev libutf8proc-dev libjson-c-dev libxml2-dev zlib1g-dev libpq-dev libmicrohttpd-dev \
        wordnet-base iso-codes \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make -j"$(nproc)" all && make install PREFIX=/opt/dyad

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
        libutf8proc2 libjson-c5 libxml2 libsqlite3-0 libpq5 libmicrohttpd12 zlib1g \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/dyad /opt/dyad
ENV PATH=/opt/dyad/bin:$PATH
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["dyad"]
CMD ["serve", "--db", "/data/dyad.db", "--host", "0.0.0.0", "--port", "8080"]

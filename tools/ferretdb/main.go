// Command ferretdb starts an embedded FerretDB v1 server.
//
// `go install .../cmd/ferretdb` builds a binary that panics at start because
// build/version/version.txt is not part of the Go module; embedding the
// library package avoids that and keeps telemetry off. The embedded server
// starts no debug (metrics/pprof) listener.
//
// The PostgreSQL handler is the default: the SQLite handler takes minutes for
// an updateMany over tens of thousands of documents.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/build/version"
	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	handler := flag.String("handler", "postgresql", "storage backend: postgresql or sqlite")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URI (sqlite handler)")
	postgresURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5432/pedidos_ferretdb", "PostgreSQL URL (postgresql handler); the database is created if missing")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		log.Fatalf("bad -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *handler == "postgresql" {
		if err := ensureDatabase(ctx, *postgresURL); err != nil {
			log.Fatalf("ferretdb: %v", err)
		}
	}

	reportModuleVersion()

	server, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       *handler,
		SQLiteURL:     *sqliteURL,
		PostgreSQLURL: *postgresURL,
	})
	if err != nil {
		log.Fatalf("ferretdb: %v", err)
	}

	logger.Warn("ferretdb listening", "address", *listen, "handler", *handler)
	_ = server.Run(ctx)
}

// reportModuleVersion makes buildInfo answer ferretdbVersion with the FerretDB module this launcher
// embeds (v1.24.2) instead of "unknown": an embedded build reads no version.txt, and the backend and the
// dashboard name the server by it.
func reportModuleVersion() {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return
	}
	for _, dep := range info.Deps {
		if dep.Path == "github.com/FerretDB/FerretDB" && dep.Version != "" {
			version.Get().Version = dep.Version
		}
	}
}

// ensureDatabase creates the database named in url when it does not exist,
// connecting to the server's "postgres" maintenance database to do so.
func ensureDatabase(ctx context.Context, url string) error {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return fmt.Errorf("bad -postgresql-url: %w", err)
	}
	name := cfg.Database
	if name == "" || name == "postgres" {
		return nil
	}
	cfg.Database = "postgres"

	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()

	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	defer conn.Close(context.Background())

	var exists bool
	if err = conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return fmt.Errorf("look up database %q: %w", name, err)
	}
	if exists {
		return nil
	}

	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	// Another launcher may have created it between the check and the CREATE.
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // duplicate_database
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %q: %w", name, err)
	}
	return nil
}

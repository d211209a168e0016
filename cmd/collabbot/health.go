package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	neturl "net/url"
	"strings"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// probeTimeout bounds `collabbot health`, well within a container
// HEALTHCHECK's own timeout.
const probeTimeout = 2 * time.Second

// healthCommand probes the running bot's /readyz at HTTP_ADDR and prints
// "ready"; an error (one line, exit 1) otherwise. It reads HTTP_ADDR only,
// so it works whatever else the environment holds.
func healthCommand(ctx context.Context, stdout io.Writer) error {
	var env struct {
		HTTPAddr string `envconfig:"HTTP_ADDR"`
	}
	if err := envconfig.Process("", &env); err != nil {
		return fmt.Errorf("read configuration: %w", err)
	}
	if env.HTTPAddr == "" {
		return fmt.Errorf("not ready: HTTP_ADDR is not set, so the bot serves no /readyz to probe")
	}
	if err := probe(ctx, readyURL(env.HTTPAddr)); err != nil {
		return fmt.Errorf("not ready: %w", err)
	}
	fmt.Fprintln(stdout, "ready")
	return nil
}

// readyURL is the /readyz URL of a server listening on addr; a listener
// on all interfaces (":8080", "0.0.0.0:8080") is probed on loopback.
func readyURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = addr, "80"
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/readyz"
}

func probe(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("probe %s: %w", url, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		var uerr *neturl.Error // it repeats the method and URL
		if errors.As(err, &uerr) {
			err = uerr.Err
		}
		return fmt.Errorf("GET %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 200))
		return fmt.Errorf("GET %s: %s: %s", url, resp.Status, strings.Join(strings.Fields(string(body)), " "))
	}
	return nil
}

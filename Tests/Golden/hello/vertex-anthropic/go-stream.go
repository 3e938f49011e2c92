// Go 1.19+, standard library only. Run: go run main.go
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
)

// CloseAI's base URL for the Google Vertex AI API; the request below goes to /v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict under it.
const baseURL = "https://api.openai-proxy.org/google"

func main() {
	apiKey := "sk-golden-0123456789abcdef"
	prompt := "Say hi"

	// Vertex takes the model in the URL only, and the API version in the body.
	response := post(baseURL+"/v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:streamRawPredict", map[string]string{
		"Authorization": "Bearer " + apiKey,
	}, map[string]any{
		"anthropic_version": "vertex-2023-10-16",
		"max_tokens":        1024,
		"stream":            true,
		"messages": []map[string]any{
			{"role": "user", "content": prompt},
		},
	})
	defer response.Body.Close()

	printEvents(response)
}

// textOf gives the text of one Messages event: only text deltas carry reply text (thinking
// deltas do not).
func textOf(data []byte) string {
	var event struct {
		Type  string `json:"type"`
		Delta struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"delta"`
	}
	if json.Unmarshal(data, &event) != nil || event.Type != "content_block_delta" || event.Delta.Type != "text_delta" {
		return ""
	}
	return event.Delta.Text
}

// printEvents prints the text of each server-sent event as it arrives, then a newline.
func printEvents(response *http.Response) {
	// A relay that cannot stream answers with plain JSON: say so instead of printing nothing.
	if contentType := response.Header.Get("Content-Type"); !strings.HasPrefix(contentType, "text/event-stream") {
		body, _ := io.ReadAll(response.Body)
		fmt.Fprintf(os.Stderr, "error: expected an event stream, got %q: %s\n", contentType, body)
		os.Exit(1)
	}
	reader := bufio.NewReader(response.Body)
	for {
		line, err := reader.ReadString('\n')
		line = strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(line, "data:") {
			data := strings.TrimPrefix(strings.TrimPrefix(line, "data:"), " ")
			if data != "[DONE]" {
				streamError([]byte(data))
				fmt.Print(textOf([]byte(data)))
			}
		}
		if err == io.EOF {
			break
		}
		check(err)
	}
	fmt.Println()
}

// streamError ends the program on an error event, such as {"error": {"message": "…"}}.
func streamError(data []byte) {
	var event struct {
		Error *struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(data, &event) == nil && event.Error != nil {
		fmt.Fprintln(os.Stderr, "stream error:", event.Error.Message)
		os.Exit(1)
	}
}

// post sends body as JSON with the headers and returns the response. An HTTP error ends the
// program with the status and the relay's message.
func post(url string, headers map[string]string, body any) *http.Response {
	data, err := json.Marshal(body)
	check(err)
	request, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(data))
	check(err)
	request.Header.Set("Content-Type", "application/json")
	for name, value := range headers {
		request.Header.Set(name, value)
	}
	response, err := http.DefaultClient.Do(request)
	check(err)
	if response.StatusCode != http.StatusOK {
		message, _ := io.ReadAll(response.Body)
		fmt.Fprintf(os.Stderr, "HTTP %d: %s\n", response.StatusCode, message)
		os.Exit(1)
	}
	return response
}

// check ends the program on an error.
func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

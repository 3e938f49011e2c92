// Go 1.19+, standard library only. Run: go run main.go
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
)

// CloseAI's base URL for the Google Vertex AI API; the request below goes to /v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict under it.
const baseURL = "https://api.openai-proxy.org/google"

func main() {
	apiKey := "sk-golden-0123456789abcdef"
	prompt := "Say hi"

	// Vertex takes the model in the URL only, and the API version in the body.
	response := post(baseURL+"/v1/projects/relay-project/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514:rawPredict", map[string]string{
		"Authorization": "Bearer " + apiKey,
	}, map[string]any{
		"anthropic_version": "vertex-2023-10-16",
		"max_tokens":        1024,
		"messages": []map[string]any{
			{"role": "user", "content": prompt},
		},
	})
	defer response.Body.Close()

	var message struct {
		Content []struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"content"`
	}
	check(json.NewDecoder(response.Body).Decode(&message))
	text := ""
	for _, block := range message.Content {
		if block.Type == "text" {
			text += block.Text
		}
	}
	fmt.Println(text)
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

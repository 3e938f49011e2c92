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

// CloseAI's base URL for the Google Vertex AI API; the request below goes to /v1beta1/publishers/google/models/gemini-2.5-flash:generateContent under it.
const baseURL = "https://api.openai-proxy.org/google"

func main() {
	apiKey := "sk-golden-0123456789abcdef"
	prompt := "Say hi"

	response := post(baseURL+"/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent", map[string]string{
		"x-goog-api-key": apiKey,
	}, map[string]any{
		"contents": []map[string]any{
			{
				"role": "user",
				"parts": []map[string]any{
					{"text": prompt},
				},
			},
		},
	})
	defer response.Body.Close()

	data, err := io.ReadAll(response.Body)
	check(err)
	fmt.Println(textOf(data))
}

// textOf gives the text of a generateContent response, or of one streamed chunk.
func textOf(data []byte) string {
	var chunk struct {
		Candidates []struct {
			Content struct {
				Parts []struct {
					Text string `json:"text"`
				} `json:"parts"`
			} `json:"content"`
		} `json:"candidates"`
	}
	if json.Unmarshal(data, &chunk) != nil || len(chunk.Candidates) == 0 {
		return ""
	}
	text := ""
	for _, part := range chunk.Candidates[0].Content.Parts {
		text += part.Text
	}
	return text
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

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

// CloseAI's base URL for the OpenAI API; the request below goes to /chat/completions under it.
const baseURL = "https://api.openai-proxy.org/v1"

func main() {
	apiKey := "sk-golden-0123456789abcdef"
	prompt := "Say hi"

	response := post(baseURL+"/chat/completions", map[string]string{
		"Authorization": "Bearer " + apiKey,
	}, map[string]any{
		"model": "gpt-4o",
		"messages": []map[string]any{
			{"role": "user", "content": prompt},
		},
	})
	defer response.Body.Close()

	var completion struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
	}
	check(json.NewDecoder(response.Body).Decode(&completion))
	if len(completion.Choices) > 0 {
		fmt.Println(completion.Choices[0].Message.Content)
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
